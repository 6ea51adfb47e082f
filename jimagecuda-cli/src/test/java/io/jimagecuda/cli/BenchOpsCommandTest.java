package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOpsCommandTest {
  @Test
  void printsAMarkdownRowPerOp() {
    Cli.Result r = Cli.run("bench", "ops", "--size", "32x16", "--reps", "2", "--batch", "2");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("## Ops at 32x16: median of 2 samples (CUDA: batches of 2 ops + synchronize)", lines.get(0));
    int header = lines.indexOf(
        "| op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU |");
    assertTrue(header > 0, r.out());
    List<String> rows = lines.subList(header + 2, header + 15);
    String[] ops = {"Images.copy (reference)", "fill.color", "fill.gradient", "fill.checkerboard", "fill.grid",
        "fill.stripes", "fill.dots", "fill.circle", "fill.noise", "fill.perlin", "fill.ngon",
        "Images.convertFloatToU8", "Images.convertU8ToFloat"};
    for (int i = 0; i < ops.length; i++) {
      assertTrue(rows.get(i).startsWith("| " + ops[i] + " | "), rows.get(i));
    }
    // The copy is its own reference; the CPU always runs.
    assertTrue(rows.get(0).matches("\\| Images\\.copy \\(reference\\) \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| 100 % \\| .*"),
        rows.get(0));
    assertTrue(rows.get(11).matches("\\| Images\\.convertFloatToU8 \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| [0-9]+ % \\| .*"),
        rows.get(11));
  }

  @Test
  void aBadSizeIsAUserError() {
    Cli.Result r = Cli.run("bench", "ops", "--size", "4k");
    assertEquals(2, r.exit());
    assertEquals("jimagecuda bench ops: --size must be WIDTHxHEIGHT, e.g. 3840x2160, got '4k' "
        + "(see 'jimagecuda bench ops --help')\n", r.err());
  }
}
