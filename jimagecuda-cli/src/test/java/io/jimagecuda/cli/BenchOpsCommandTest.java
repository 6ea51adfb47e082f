package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOpsCommandTest {
  /** Every registered entry, in table order (the registry is the specification of the rows). */
  private static final String[] ROWS = BenchOps.all().stream().map(BenchOp::name).toArray(String[]::new);
  private static final String[] PUBLISHED = BenchOps.all().stream().filter(BenchOp::inPublishedSet)
      .map(BenchOp::name).toArray(String[]::new);
  private static final String[] SMALL = {"bench", "ops", "--size", "32x16", "--published-size", "16x8", "--reps", "2",
      "--batch", "2"};

  @TempDir
  Path dir;

  private static Cli.Result run(String... more) {
    String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
    System.arraycopy(more, 0, args, SMALL.length, more.length);
    return Cli.run(args);
  }

  /** The table rows after {@code header}, up to the first blank line. */
  private static List<String> rows(List<String> lines, String header) {
    int at = lines.indexOf(header);
    assertTrue(at > 0, header + " missing");
    List<String> rows = lines.subList(at + 2, lines.size());
    return rows.contains("") ? rows.subList(0, rows.indexOf("")) : rows;
  }

  @Test
  void printsTheMainTableAndThePublishedSet() {
    Cli.Result r = run();
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("## Ops at 32x16: median of 2 samples (CUDA: batches of 2 ops + synchronize)", lines.get(0));
    List<String> rows = rows(lines,
        "| op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU |");
    assertEquals(ROWS.length, rows.size(), String.join("\n", rows));
    for (int i = 0; i < ROWS.length; i++) {
      assertTrue(rows.get(i).startsWith("| " + ROWS[i] + " | "), rows.get(i));
    }
    // The copy is its own reference; the CPU always runs.
    assertTrue(rows.get(0).matches("\\| copy \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| 100 % \\| .*"), rows.get(0));
    assertTrue(rows.get(11).matches("\\| convert\\.floatToU8 \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| [0-9]+ % \\| .*"),
        rows.get(11));

    assertTrue(lines.contains("## PyImageCUDA's published set at 16x8: reused buffers vs an allocation per call "
        + "(median of 2 samples)"), r.out());
    List<String> published = rows(lines, "| op | CUDA reuse ms | CUDA alloc ms | CUDA alloc ÷ reuse | CPU reuse ms "
        + "| CPU alloc ms | CPU alloc ÷ reuse |");
    assertEquals(PUBLISHED.length, published.size(), String.join("\n", published));
    for (int i = 0; i < PUBLISHED.length; i++) {
      assertTrue(published.get(i).matches("\\| " + PUBLISHED[i].replace(".", "\\.")
          + " \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\|"), published.get(i));
    }
    assertTrue(r.err().contains("bench: fill.perlin on cpu at 16x8, reused and allocated"), r.err());
  }

  @Test
  void peersFromAFileBecomeColumns() throws IOException {
    Path peers = Fixtures.copy("peers.json", dir);
    Cli.Result r = run("--peers", peers.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    List<String> rows = rows(lines, "| op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy "
        + "| CUDA / CPU | OpenCV u8 ms | OpenCV f32 ms | Pillow ms | CUDA / OpenCV | CPU / OpenCV f32 |");
    assertTrue(rows.get(1).matches("\\| fill\\.color \\| .* \\| 0\\.500 \\| 1\\.000 \\| 2\\.000 \\| .* \\| [0-9.]+× \\|"),
        rows.get(1));
    assertTrue(rows.get(2).endsWith(" | – | – | – | – | – |"), rows.get(2));
    assertTrue(lines.contains("- peer entries without a row here: future.op"), r.out());
    List<String> published = rows(lines, "| op | CUDA reuse ms | CUDA alloc ms | CUDA alloc ÷ reuse | CPU reuse ms "
        + "| CPU alloc ms | CPU alloc ÷ reuse | OpenCV u8 ms | OpenCV f32 ms | Pillow ms | CUDA / OpenCV "
        + "| CPU / OpenCV f32 |");
    assertTrue(published.get(0).matches("\\| copy \\| .* \\| – \\| 0\\.100 \\| – \\| .* \\| [0-9.]+× \\|"),
        published.get(0));
  }

  @Test
  void peersFromACommandAndAPlot() throws IOException {
    Path peers = Fixtures.copy("peers.json", dir);
    Path svg = dir.resolve("ops.svg");
    Cli.Result r = run("--peers-cmd", "test \"$JIMAGECUDA_BENCH_SIZES\" = 32x16,16x8 && cat '" + peers + "'",
        "--plot", svg.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("| 0.500 | 1.000 | 2.000 |"), r.out());
    String chart = Files.readString(svg);
    assertTrue(chart.startsWith("<svg "), chart);
    for (String legend : new String[] {"JImageCUDA CPU", "OpenCV u8", "OpenCV f32", "Pillow"}) {
      assertTrue(chart.contains(">" + legend + "</text>"), legend);
    }
    // One CPU bar per entry, fill.color and copy for both OpenCV types, fill.color for Pillow.
    assertEquals(ROWS.length + 2 + 2 + 1, chart.split("class=\"bar\"", -1).length - 1);
    assertTrue(r.err().contains("bench: plot written to " + svg), r.err());
  }

  @Test
  void theScriptsDegradedOutputIsAccepted() {
    // Here: python3 with numpy, maybe without OpenCV and Pillow; the script then reports them unavailable.
    Assumptions.assumeTrue(python("import numpy"), "python3 with numpy is not available");
    Path script = Path.of("..", "dev", "bench_peers.py").toAbsolutePath().normalize();
    Cli.Result r = run("--peers-cmd", "python3 '" + script + "' --reps 1 --warmup 0 --only '^copy$'");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("- peers (dev/bench_peers.py): "), r.out());
    if (!python("import cv2")) {
      assertTrue(r.out().contains("- peers not measured: opencv (No module named 'cv2'"), r.out());
    } else {
      assertTrue(r.out().matches("(?s).*\\| copy \\| .* \\| [0-9.]+ \\| [0-9.]+ \\| [–0-9.]+ \\| [0-9.]+× \\| .*"),
          r.out());
    }
  }

  private static boolean python(String code) {
    try {
      Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void userErrors() {
    Cli.Result size = Cli.run("bench", "ops", "--size", "4k");
    assertEquals(2, size.exit());
    assertEquals("jimagecuda bench ops: --size must be WIDTHxHEIGHT, e.g. 3840x2160, got '4k' "
        + "(see 'jimagecuda bench ops --help')\n", size.err());

    Cli.Result published = Cli.run("bench", "ops", "--published-size", "0x5");
    assertEquals(2, published.exit());
    assertTrue(published.err().startsWith("jimagecuda bench ops: --published-size: the sides of 0x5 must be in "),
        published.err());

    Cli.Result plot = run("--plot", dir.resolve("x.jpg").toString());
    assertEquals(2, plot.exit());
    assertTrue(plot.err().startsWith("jimagecuda bench ops: --plot must name a .svg or .png file, got '"), plot.err());

    Cli.Result both = run("--peers", "a.json", "--peers-cmd", "true");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("mutually exclusive"), both.err());

    Cli.Result missing = run("--peers", dir.resolve("none.json").toString());
    assertEquals(2, missing.exit());
    assertEquals("jimagecuda bench ops: file not found: " + dir.resolve("none.json") + "\n", missing.err());

    Cli.Result failing = run("--peers-cmd", "echo no cv2 >&2; exit 3");
    assertEquals(2, failing.exit());
    assertTrue(failing.err().endsWith("jimagecuda bench ops: --peers-cmd 'echo no cv2 >&2; exit 3' failed with exit "
        + "code 3: no cv2\n"), failing.err());
  }
}
