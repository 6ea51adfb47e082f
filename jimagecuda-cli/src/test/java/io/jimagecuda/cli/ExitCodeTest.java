package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every failure is one line on stderr and the documented exit code: 2 for what the user can fix, 3 for
 * internal errors, {@link Error}s included (picocli lets those through: a raw stack trace and exit 1,
 * which means "conformance failed").
 */
class ExitCodeTest {
  /** A command that throws what it is given. */
  @Command(name = "throw")
  static final class Thrower implements Callable<Integer> {
    private final Supplier<Throwable> what;

    Thrower(Supplier<Throwable> what) {
      this.what = what;
    }

    @Override
    public Integer call() throws Exception {
      Throwable t = what.get();
      if (t instanceof Error e) {
        throw e;
      }
      throw (Exception) t;
    }
  }

  private static Cli.Result run(Supplier<Throwable> what, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine().addSubcommand("throw", new Thrower(what));
    int exit = cmd.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  private static Throwable error(String kind) {
    return switch (kind) {
      case "oom" -> new OutOfMemoryError("Java heap space");
      case "stack" -> new StackOverflowError();
      case "init" -> new ExceptionInInitializerError(new IllegalArgumentException("bad setting"));
      case "state" -> new IllegalStateException("broken\ninvariant");
      case "npe" -> new NullPointerException();
      default -> throw new AssertionError(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"oom", "stack", "init", "state", "npe"})
  void internalErrorsAndErrorsExitWith3AndOneLine(String kind) {
    Cli.Result r = run(() -> error(kind), "throw");
    assertEquals(3, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("jimagecuda throw: internal error: "), r.err());
    assertTrue(r.err().contains("(run with --debug for the stack trace)"), r.err());
    assertTrue(r.err().contains(error(kind).getClass().getName()), r.err());
  }

  @Test
  void anInitializerErrorShowsItsCause() {
    Cli.Result r = run(() -> error("init"), "throw");
    assertTrue(r.err().contains("ExceptionInInitializerError, caused by java.lang.IllegalArgumentException: "
        + "bad setting"), r.err());
  }

  @Test
  void debugKeepsTheStackTrace() {
    Cli.Result r = run(() -> error("stack"), "--debug", "throw");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("jimagecuda throw: internal error: ")), r.err());
  }

  @Test
  void userErrorsExitWith2AndOneLine() {
    Cli.Result r = run(() -> new IllegalArgumentException("width must be\npositive"), "throw");
    assertEquals(2, r.exit(), r.err());
    assertEquals("jimagecuda throw: width must be positive", r.err().strip());
  }

  @Test
  void anInvalidSettingIsAUserError(@TempDir Path dir) throws IOException {
    Path recipe = Files.writeString(dir.resolve("r.json"), "{\"name\": \"t\", \"images\": {\"a\": {\"width\": 1, "
        + "\"height\": 1}}, \"steps\": [], \"output\": \"a\"}");
    System.setProperty("jimagecuda.backend", "gpu");
    try {
      Cli.Result r = Cli.run("render", recipe.toString(), "-o", dir.resolve("o.png").toString());
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().contains("jimagecuda.backend (system property): must be cpu or cuda, got 'gpu'"), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    } finally {
      System.clearProperty("jimagecuda.backend");
    }
  }
}
