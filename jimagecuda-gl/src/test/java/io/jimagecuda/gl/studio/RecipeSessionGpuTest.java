package io.jimagecuda.gl.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * GPU machine: the studio's demo recipe ({@code docs/studio/demo.json}, 10 steps) in a CUDA
 * {@link RecipeSession} equals the CPU session's output (float, 1e-4 relative) before and after parameter
 * changes, run after run on the same images.
 */
@GpuOnly
class RecipeSessionGpuTest {
  @Test
  void cudaSessionEqualsCpuSessionAcrossChanges() throws Exception {
    // From the module directory (Maven) or the repository root (dev/gpu-tests.sh).
    Path demo = Files.exists(Path.of("docs", "studio", "demo.json")) ? Path.of("docs", "studio", "demo.json")
        : Path.of("..", "docs", "studio", "demo.json");
    Recipe recipe = RecipeParser.parse(Files.readString(demo));
    try (RecipeSession cpu = new RecipeSession(recipe, BackendKind.CPU, Path.of("."));
        RecipeSession cuda = new RecipeSession(recipe, BackendKind.CUDA, Path.of("."))) {
      for (int round = 0; round < 4; round++) {
        for (RecipeSession s : new RecipeSession[] {cpu, cuda}) {
          s.set(3, "radius", 3 + round * 4);
          s.set(9, "factor", 1.0 + round * 0.1);
          s.set(2, "softness", 0.1 + round * 0.2);
        }
        Image a = cpu.run();
        Image b = cuda.run();
        float[] x = Images.download(a);
        float[] y = Images.download(b);
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
          float tol = 5e-4f * Math.max(1f, Math.abs(x[i])); // 10 chained steps of 1e-4 each at most
          if (Math.abs(x[i] - y[i]) > tol) {
            throw new AssertionError("round " + round + ", value " + i + " (pixel " + i / 4 + "): CPU " + x[i]
                + ", CUDA " + y[i]);
          }
        }
      }
    }
  }
}
