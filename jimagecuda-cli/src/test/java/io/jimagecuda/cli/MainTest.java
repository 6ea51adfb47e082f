package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void withoutACommandItIsAUsageError() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.exit());
    assertEquals("jimagecuda: Missing command (see 'jimagecuda --help')\n", r.err());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Cli.Result r = Cli.run("paint");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("jimagecuda: Unmatched argument at index 0: 'paint'"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exit());
    for (String command : new String[] {"render", "info", "conformance", "preview", "bench", "gallery"}) {
      assertTrue(r.out().contains("  " + command + " "), command + " missing from:\n" + r.out());
    }
    assertTrue(r.out().contains("2  user error"), r.out());
  }

  @Test
  void benchWithoutASubcommandIsAUsageError() {
    Cli.Result r = Cli.run("bench");
    assertEquals(2, r.exit());
    assertEquals("jimagecuda bench: Missing command (ops, present, batch) (see 'jimagecuda bench --help')\n", r.err());
  }
}
