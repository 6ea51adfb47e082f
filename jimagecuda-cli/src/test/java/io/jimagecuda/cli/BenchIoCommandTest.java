package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench io}: a row per format with both sides, kept files for the peers, user errors. */
class BenchIoCommandTest {
  @Test
  void printsOneRowPerFormatWithBothColumns() {
    Cli.Result r = Cli.run("bench", "io", "--size", "64x40", "--runs", "1", "--backend", "cpu");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("## bench io: 64x40 on cpu"), r.out());
    List<String> rows = r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| format")).toList();
    assertEquals(5, rows.size(), r.out());
    for (String ext : List.of("png", "jpg", "webp", "tif", "bmp")) {
      assertTrue(rows.stream().anyMatch(row -> row.startsWith("| " + ext + " |") && row.endsWith("× |")),
          ext + " in " + r.out());
    }
  }

  @Test
  void keepLeavesTheFilesForThePeers(@TempDir Path dir) throws Exception {
    Path keep = dir.resolve("io");
    Cli.Result r = Cli.run("bench", "io", "--size", "48x30", "--runs", "1", "--backend", "cpu", "--formats", "png",
        "--keep", keep.toString());
    assertEquals(0, r.exit(), r.err());
    java.awt.image.BufferedImage ours = javax.imageio.ImageIO.read(keep.resolve("ours.png").toFile());
    assertEquals(48, ours.getWidth(), "the picture dev/bench_io_peers.py reads");
    assertTrue(Files.size(keep.resolve("imageio.png")) > 0);
  }

  @Test
  void badArgumentsAreUserErrors() {
    Cli.Result formats = Cli.run("bench", "io", "--formats", "png,gif");
    assertEquals(2, formats.exit());
    assertTrue(formats.err().contains("--formats: unknown 'gif'; expected some of png, jpg, webp, tif, bmp"),
        formats.err());
    Cli.Result runs = Cli.run("bench", "io", "--runs", "0");
    assertEquals(2, runs.exit());
    assertTrue(runs.err().contains("--runs must be at least 1, got 0"), runs.err());
  }
}
