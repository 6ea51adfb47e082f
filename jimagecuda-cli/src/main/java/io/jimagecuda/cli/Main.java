package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.OutOfDeviceMemoryException;
import io.jimagecuda.gl.GlException;
import io.jimagecuda.recipe.RecipeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jimagecuda} command: {@code render}, {@code info}, {@code conformance}, {@code preview},
 * {@code bench ops}, {@code bench present}, {@code gallery}, {@code batch} and {@code bench batch}.
 *
 * <p>Exit codes: 0 success; 1 conformance cases failed (or a benchmarked path drew wrong pixels, or
 * {@code gallery --check} found stale files); 2 a user error (bad arguments, an invalid recipe, a missing
 * file, an unavailable backend or OpenGL), reported as one line on stderr; 3 an internal error; 4
 * {@code batch}: some files failed, the others were written; 130 {@code batch} interrupted (Ctrl-C). Stack
 * traces are printed only with {@code --debug}.
 */
@Command(name = "jimagecuda", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "GPU image compositing: renders recipes, checks conformance, previews, measures.",
    subcommands = {RenderCommand.class, InfoCommand.class, ConformanceCommand.class, PreviewCommand.class,
        BenchCommand.class, GalleryCommand.class, BatchCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  conformance cases failed, a benchmarked present path drew wrong pixels, or "
        + "gallery --check found stale files",
        "  2  user error (arguments, recipe, files, backend, no OpenGL)",
        "  3  internal error (run with --debug for the stack trace)",
        "  4  batch: some files failed (the others were written)",
        "  130  batch: interrupted (Ctrl-C) after finishing the files in flight"})
public final class Main implements Callable<Integer> {
  /** Exit code of a user error. */
  static final int USER_ERROR = 2;
  /** Exit code of an internal error. */
  static final int INTERNAL_ERROR = 3;

  @Spec
  CommandSpec spec;

  /** The top-level command; {@link #commandLine()} configures it. */
  public Main() {
  }

  /** Also turns on the library's own logging ({@code jimagecuda.debug}). */
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces and log backend selection to stderr.")
  void debug(boolean on) {
    if (on) {
      System.setProperty("jimagecuda.debug", "true");
    }
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command and its options ({@code --help} lists them)
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** {@return the configured command line, for {@link #main} and for tests} */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::failure);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see '"
        + cmd.getCommandSpec().qualifiedName() + " --help')");
    return USER_ERROR;
  }

  private static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean debug = debugRequested(parsed);
    if (debug) {
      e.printStackTrace(cmd.getErr());
    }
    String name = cmd.getCommandSpec().qualifiedName();
    if (isUserError(e)) {
      cmd.getErr().println(name + ": " + userMessage(e));
      return USER_ERROR;
    }
    cmd.getErr().println(name + ": internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
    return INTERNAL_ERROR;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Errors the user can fix: arguments, recipes, files, the choice of backend, image sizes, and an OpenGL
   * that cannot start here (an EGL or GLFW failure: no display, no EGL driver, no OpenGL 3.3).
   */
  private static boolean isUserError(Exception e) {
    return e instanceof RecipeException || e instanceof IOException || e instanceof UncheckedIOException
        || e instanceof IllegalArgumentException || e instanceof BackendUnavailableException
        || e instanceof OutOfDeviceMemoryException || e instanceof GlException g && isEnvironment(g);
  }

  /** Whether an OpenGL failure is the environment's: EGL or GLFW could not give a context. */
  static boolean isEnvironment(GlException e) {
    return e.errorName().startsWith("EGL_") || e.errorName().startsWith("GLFW_");
  }

  private static String userMessage(Exception e) {
    Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
    if (t instanceof NoSuchFileException) {
      return "file not found: " + t.getMessage();
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied: " + t.getMessage();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  /** Converts {@code cpu} / {@code cuda} for {@code --backend}. */
  static final class BackendConverter implements CommandLine.ITypeConverter<BackendKind> {
    @Override
    public BackendKind convert(String value) {
      try {
        return BackendKind.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"jimagecuda " + (v == null ? "(development build)" : v)};
    }
  }
}
