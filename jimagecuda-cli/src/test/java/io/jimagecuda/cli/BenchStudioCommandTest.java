package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.recipe.OpRegistry;
import io.jimagecuda.recipe.Recipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code jimagecuda bench studio}: its recipe has 10 steps that run, and a short run prints one row per
 * backend (headless EGL: Mesa's software renderer in CI).
 */
class BenchStudioCommandTest {
  @Test
  void theRecipeHasTenStepsThatThisBuildRuns() {
    StringWriter log = new StringWriter();
    Recipe r = BenchStudioCommand.recipe(2560, 1440, new PrintWriter(log, true));
    assertEquals(10, r.steps().size());
    assertTrue(OpRegistry.standard().unimplemented(r).isEmpty());
    assertTrue(r.steps().stream().anyMatch(s -> s.op().name().equals("filter.gaussianBlur")));
    assertTrue(r.steps().stream().filter(s -> s.op().family().equals("blend")).count() >= 2);
    assertTrue(r.steps().stream().anyMatch(s -> s.op().family().equals("adjust")));
  }

  @Test
  void aShortRunPrintsARowPerBackend() {
    Cli.Result r = Cli.run("bench", "studio", "--size", "64x48", "--changes", "3", "--backends", "cpu");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("bench studio: 10-step recipe at 64x48"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("\\| cpu \\| CPU_UPLOAD \\| 3 \\| [0-9.]+ \\| [0-9.]+ \\| "
        + "[0-9.]+ \\|")), r.out());
  }

  @Test
  void mistakesAreUserErrors() {
    Cli.Result r = Cli.run("bench", "studio", "--changes", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--changes must be at least 1, got 0"), r.err());
    r = Cli.run("bench", "studio", "--backends", "gpu");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--backends"), r.err());
  }
}
