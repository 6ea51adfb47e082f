package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.JImageCuda;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages of the CLI that must say what failed and why, each one line with exit code 2. */
class CliReliabilityTest {
  private static final String RECIPE = """
      {"name": "t", "images": {"a": {"width": 4, "height": 3}},
       "steps": [{"op": "fill.color", "image": "a", "rgba": [1, 0, 0, 1]}], "output": "a"}""";

  @TempDir
  Path dir;

  private static void assertOneLine(Cli.Result r, int exit, String... fragments) {
    assertEquals(exit, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "'" + f + "' missing from: " + r.err());
    }
  }

  @Test
  void anOutputWhoseParentIsAFileSaysSo() throws IOException {
    Path recipe = Files.writeString(dir.resolve("r.json"), RECIPE);
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    Path out = file.resolve("sub/out.png");
    assertOneLine(Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu"), 2,
        "jimagecuda render: cannot write " + out + ": " + file + " is a file, not a directory");
  }

  @Test
  void anUnwritableOutputDirectoryGivesTheReasonAndTheRealPath() throws IOException {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path recipe = Files.writeString(dir.resolve("r.json"), RECIPE);
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Path out = locked.resolve("out.png");
      assertOneLine(Cli.run("render", recipe.toString(), "-o", out.toString(), "--backend", "cpu"), 2,
          "cannot write " + out + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFailedSaveNamesTheOutputAndTheReasonNotOnlyTheTemporaryFile() {
    Path out = Path.of("/data/out.png");
    IOException e = RenderCommand.writeFailure(out, new AccessDeniedException("/data/.out.png.1234.tmp"));
    assertEquals("cannot write /data/out.png: permission denied (/data/.out.png.1234.tmp)", e.getMessage());
    IOException full = RenderCommand.writeFailure(out,
        new java.nio.file.FileSystemException("/data/out.png", null, "No space left on device"));
    assertEquals("cannot write /data/out.png: No space left on device", full.getMessage());
  }

  @Test
  void nanInARecipeIsNamedWithoutJacksonAdvice() throws IOException {
    Path recipe = Files.writeString(dir.resolve("r.json"), RECIPE.replace("[1, 0, 0, 1]", "[1, NaN, 0, 1]"));
    Cli.Result r = Cli.run("render", recipe.toString(), "-o", dir.resolve("o.png").toString(), "--backend", "cpu");
    assertOneLine(r, 2, "step 1 (fill.color): parameter 'rgba'", "got [1, NaN, 0, 1]", "not allowed");
    assertFalse(r.err().contains("enable"), r.err());
  }

  @Test
  void invalidUtf8GivesTheByteOffset() throws IOException {
    byte[] text = RECIPE.getBytes(StandardCharsets.UTF_8);
    int at = RECIPE.indexOf("\"t\"") + 1;
    text[at] = (byte) 0xFF;
    Path recipe = Files.write(dir.resolve("r.json"), text);
    Cli.Result r = Cli.run("render", recipe.toString(), "-o", dir.resolve("o.png").toString());
    assertOneLine(r, 2, "not valid UTF-8: malformed byte sequence 0xFF at byte offset " + at + " (line 1)");
    assertFalse(r.err().contains("Input length"), r.err());
  }

  @Test
  void anExplicitCudaPathWithoutCudaFailsInsteadOfFallingBack() {
    Assumptions.assumeFalse(JImageCuda.isCudaAvailable(), "CUDA is available here: the path can run");
    Cli.Result r = Cli.run("preview", "--headless", "--frames", "1", "--size", "8x8", "--path", "cuda_mapped_pbo",
        "--out", dir.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("CUDA_MAPPED_PBO was requested but cannot run here"), r.err());
    assertFalse(r.out().contains("(requested)"), r.out());
  }
}
