package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersTest {
  private static final Size MAIN = new Size(32, 16);
  private static final Size SMALL = new Size(16, 8);
  private final Peers peers = Peers.parse(Fixtures.text("peers.json"));

  @TempDir
  Path dir;

  @Test
  void looksUpMediansByEntrySizeLibraryAndType() {
    assertEquals(Optional.of(0.5), peers.ms("fill.color", MAIN, Peers.OPENCV, Peers.U8));
    assertEquals(Optional.of(1.0), peers.ms("fill.color", MAIN, Peers.OPENCV, Peers.F32));
    assertEquals(Optional.of(2.0), peers.ms("fill.color", MAIN, Peers.PILLOW, Peers.U8));
    assertEquals(Optional.empty(), peers.ms("fill.color", SMALL, Peers.OPENCV, Peers.U8));
    assertEquals(Optional.empty(), peers.ms("fill.noise", MAIN, Peers.PILLOW, Peers.U8), "skipped: no time");
    assertEquals(Optional.of(0.1), peers.ms("copy", SMALL, Peers.OPENCV, Peers.F32));
  }

  @Test
  void theFastestOpenCvTimeIsEitherType() {
    assertEquals(Optional.of(0.25), peers.fastestOpenCv("copy", MAIN));
    assertEquals(Optional.of(0.1), peers.fastestOpenCv("copy", SMALL), "only f32 there");
    assertEquals(Optional.of(3.5), peers.fastestOpenCv("future.op", MAIN));
    assertEquals(Optional.empty(), peers.fastestOpenCv("fill.noise", MAIN));
  }

  @Test
  void describesVersionsSizesImplementationsAndLeftovers() {
    assertEquals("OpenCV 4.10.0 (16 threads), Pillow 11.0.0, numpy 2.1.3, Python 3.12.3, median of 10",
        peers.description());
    assertEquals(Map.of("scikit", "not installed"), peers.unavailable());
    assertTrue(peers.hasSize(MAIN));
    assertFalse(peers.hasSize(new Size(8, 8)));
    assertEquals(List.of("future.op"), peers.unmatched(MAIN, Set.of("copy", "fill.color", "fill.noise")));
    Map<String, String> impl = peers.implementations(MAIN, List.of("copy", "fill.color", "fill.noise", "fill.grid"));
    assertEquals(Map.of("copy", "OpenCV: np.copyto(dst, src)",
        "fill.color", "OpenCV: dst[...] = colour (numpy); Pillow: Image.paste(colour, box)",
        "fill.noise", "Pillow: skipped (error: AttributeError: effect_noise)"), impl);
  }

  @Test
  void aFileIsReadAndItsErrorsNameIt() throws Exception {
    Path file = Fixtures.copy("peers.json", dir);
    assertEquals(Optional.of(0.5), Peers.read(file).ms("fill.color", MAIN, Peers.OPENCV, Peers.U8));
    java.nio.file.Files.writeString(file, "{\"results\": 3}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Peers.read(file));
    assertEquals(file + ": peers JSON must be an object with a 'results' array", e.getMessage());
  }

  @Test
  void invalidJsonIsRefusedWithTheReason() {
    assertTrue(message("{").startsWith("invalid peers JSON: Unexpected end-of-input"), message("{"));
    assertEquals("peers JSON must be an object with a 'results' array", message("[]"));
    assertEquals("result 1: 'entry' must be a non-empty string, got null", message("{\"results\": [{}]}"));
    assertEquals("result 1: 'size' must be WIDTHxHEIGHT, got '4k'", message(result("\"4k\"", "1.0")));
    assertEquals("result 1 (copy): 'ms' must be a positive number or null, got -1.0", message(result("\"8x8\"",
        "-1.0")));
    assertEquals("result 1 (copy): 'ms' must be a positive number or null, got \"1\"", message(result("\"8x8\"",
        "\"1\"")));
    String one = "{\"entry\": \"copy\", \"size\": \"8x8\", \"library\": \"opencv\", \"dtype\": \"u8\", \"ms\": 1}";
    assertEquals("result 2: copy at 8x8 by opencv on u8 is given twice", message("{\"results\": [" + one + ", " + one
        + "]}"));
  }

  private static String result(String size, String ms) {
    return "{\"results\": [{\"entry\": \"copy\", \"size\": " + size + ", \"library\": \"opencv\", \"dtype\": \"u8\", "
        + "\"ms\": " + ms + "}]}";
  }

  private static String message(String json) {
    return assertThrows(IllegalArgumentException.class, () -> Peers.parse(json)).getMessage();
  }

  @Test
  void aCommandsOutputIsParsedAndItsStderrPassedOn() throws Exception {
    Path file = Fixtures.copy("peers.json", dir);
    StringWriter err = new StringWriter();
    Peers p = Peers.run("echo working >&2; echo \"$JIMAGECUDA_BENCH_SIZES\" >&2; cat '" + file + "'",
        Map.of("JIMAGECUDA_BENCH_SIZES", "32x16,16x8"), new PrintWriter(err));
    assertEquals(Optional.of(2.0), p.ms("fill.color", MAIN, Peers.PILLOW, Peers.U8));
    assertEquals("working\n32x16,16x8\n", err.toString());
  }

  @Test
  void aFailingCommandIsAnErrorWithItsLastMessage() {
    StringWriter err = new StringWriter();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Peers.run(
        "echo 'bench_peers.py: numpy is required' >&2; exit 2", Map.of(), new PrintWriter(err)));
    assertEquals("--peers-cmd 'echo 'bench_peers.py: numpy is required' >&2; exit 2' failed with exit code 2: "
        + "bench_peers.py: numpy is required", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Peers.run("echo hello", Map.of(), new PrintWriter(err)));
    assertTrue(e.getMessage().startsWith("--peers-cmd 'echo hello': invalid peers JSON: "), e.getMessage());
  }
}
