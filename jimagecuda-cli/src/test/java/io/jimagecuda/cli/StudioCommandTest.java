package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jimagecuda studio}: argument errors. The editor itself is tested in a window under Xvfb by the gl
 * module's {@code StudioWindowTest}; its screenshot in docs/studio is made by this command.
 */
class StudioCommandTest {
  @TempDir
  Path dir;

  @Test
  void aMissingRecipeIsAUserError() {
    Cli.Result r = Cli.run("studio", dir.resolve("none.json").toString());
    assertEquals(2, r.exit());
    assertEquals("jimagecuda studio: RECIPE: no such file: " + dir.resolve("none.json")
        + " (see 'jimagecuda studio --help')\n", r.err());
  }

  @Test
  void noDisplayIsAUserError() {
    Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
        "a display is set: a window would open");
    Cli.Result r = Cli.run("studio", Path.of("..", "docs", "studio", "demo.json").toString());
    assertEquals(2, r.exit());
    assertEquals("jimagecuda studio: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset) "
        + "(see 'jimagecuda studio --help')\n", r.err());
  }
}
