package io.jimagecuda;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzzes image decoding through {@link Images#load(Path)} on the CPU backend. The first byte of an input
 * picks the file name's extension ({@link #EXTENSIONS}), the rest is the file. Every input must load or fail
 * with an {@link IOException} (a damaged or unsupported file, or one too large); anything else (a
 * {@link NullPointerException}, an {@link ArrayIndexOutOfBoundsException}, an {@link OutOfMemoryError}, a
 * hang) is a finding.
 *
 * <p>In a normal build this runs the inputs under {@code src/test/resources/io/jimagecuda/
 * ImageDecodeFuzzTestInputs/load} (regression mode); see docs/reliability.md for fuzzing.
 */
class ImageDecodeFuzzTest {
  /** File name extensions, chosen by the input's first byte (modulo their count). */
  static final String[] EXTENSIONS = {"png", "jpg", "webp", "tif", "bmp", "gif"};
  private static final Path DIR = dir();

  private static Path dir() {
    try {
      Path d = Files.createTempDirectory("decode-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  void load(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    Path file = DIR.resolve("input." + EXTENSIONS[(data[0] & 0xFF) % EXTENSIONS.length]);
    Files.write(file, Arrays.copyOfRange(data, 1, data.length));
    try (Image img = Images.load(file)) {
      if (img.width() < 1 || img.height() < 1) {
        throw new IllegalStateException("loaded an image of " + img.width() + "x" + img.height());
      }
    } catch (IOException | OutOfHostMemoryException | OutOfDeviceMemoryException e) {
      // damaged, unsupported or too large (for the file's limit, or for the memory at hand): an expected,
      // clear error
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
