package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CUDA against CPU for the two conversions: results must be bit-identical. */
@GpuOnly
class ConvertParityTest {
  @BeforeAll
  static void needsCuda() {
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "3,7", "1001,777", "3840,2160"})
  void floatToU8(int w, int h) {
    long seed = System.nanoTime();
    float[] data = hostileFloats(w * h * 4, seed);
    byte[] cpu = floatToU8(BackendKind.CPU, w, h, data);
    byte[] cuda = floatToU8(BackendKind.CUDA, w, h, data);
    assertArrayEquals(cpu, cuda, "seed " + seed);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "3,7", "1001,777", "3840,2160"})
  void u8ToFloat(int w, int h) {
    long seed = System.nanoTime();
    byte[] data = new byte[w * h * 4];
    new Random(seed).nextBytes(data);
    float[] cpu = u8ToFloat(BackendKind.CPU, w, h, data);
    float[] cuda = u8ToFloat(BackendKind.CUDA, w, h, data);
    assertArrayEquals(cpu, cuda, "seed " + seed);
    assertEquals((data[0] & 0xFF) / 255f, cuda[0]);
  }

  private static byte[] floatToU8(BackendKind kind, int w, int h, float[] data) {
    try (Image src = new Image(w, h, kind); ImageU8 dst = new ImageU8(w, h, kind)) {
      Images.upload(src, data);
      Images.convertFloatToU8(dst, src);
      return Images.download(dst);
    }
  }

  private static float[] u8ToFloat(BackendKind kind, int w, int h, byte[] data) {
    try (ImageU8 src = new ImageU8(w, h, kind); Image dst = new Image(w, h, kind)) {
      Images.upload(src, data);
      Images.convertU8ToFloat(dst, src);
      return Images.download(dst);
    }
  }

  /** Random values in -0.5..1.5 plus the cases that decide rounding: k/255 ± half steps, NaN, infinities. */
  private static float[] hostileFloats(int n, long seed) {
    Random r = new Random(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(8)) {
        case 0 -> a[i] = (r.nextInt(256) + 0.5f) / 255f;
        case 1 -> a[i] = Math.nextUp((r.nextInt(256) + 0.5f) / 255f);
        case 2 -> a[i] = Math.nextDown((r.nextInt(256) + 0.5f) / 255f);
        case 3 -> a[i] = new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f}[r.nextInt(4)];
        default -> a[i] = r.nextFloat() * 2 - 0.5f;
      }
    }
    return a;
  }
}
