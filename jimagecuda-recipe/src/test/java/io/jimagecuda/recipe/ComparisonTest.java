package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void identicalImagesHaveInfinitePsnrAndNoDifferences() {
    byte[] px = bytes(0, 128, 255, 7, 1, 2, 3, 4);
    Comparison c = Comparison.of(2, 1, px, px.clone());
    assertTrue(c.sameSize());
    assertEquals(Double.POSITIVE_INFINITY, c.psnr());
    assertEquals(0, c.maxDiff());
    assertEquals(0.0, c.meanAbsDiff());
    assertEquals(0.0, c.mse());
    assertEquals(0, c.pixelsDiffering());
    assertTrue(c.passes(Tolerance.DEFAULT));
    assertEquals("PSNR inf dB, max 0 (R0 G0 B0 A0), mean 0.0000, pixels differing 0, >1 0, >3 0", c.toString());
  }

  @Test
  void oneSampleOffByTenGivesTheKnownPsnr() {
    // One pixel, four samples: squared error 100, MSE 25, mean abs 2.5.
    Comparison c = Comparison.of(1, 1, bytes(0, 0, 0, 0), bytes(10, 0, 0, 0));
    assertEquals(25.0, c.mse());
    assertEquals(2.5, c.meanAbsDiff());
    assertEquals(10 * Math.log10(255.0 * 255.0 / 25.0), c.psnr(), 1e-12);
    assertEquals(34.151, c.psnr(), 1e-3);
    assertEquals(10, c.maxDiff(0));
    assertEquals(0, c.maxDiff(3));
    assertEquals(1, c.pixelsDiffering());
    assertEquals(1, c.pixelsOver1());
    assertEquals(1, c.pixelsOver3());
    assertEquals(Optional.of("PSNR 34.15 dB < 40.0"), c.failure(Tolerance.DEFAULT));
  }

  @Test
  void aUniformDifferenceOfDGivesTwentyLog10Of255OverD() {
    byte[] e = new byte[64 * 4];
    byte[] a = new byte[64 * 4];
    java.util.Arrays.fill(a, (byte) 2);
    Comparison c = Comparison.of(8, 8, e, a);
    assertEquals(20 * Math.log10(255 / 2.0), c.psnr(), 1e-9);
    assertEquals(2.0, c.meanAbsDiff());
  }

  @Test
  void countsPixelsByTheirLargestChannelDifference() {
    // Pixel 0: G off by 1. Pixel 1: A off by 2 (and R by 1). Pixel 2: B off by 4. Pixel 3: equal.
    Comparison c = Comparison.of(4, 1,
        bytes(10, 10, 10, 10, 50, 50, 50, 50, 100, 100, 100, 100, 9, 9, 9, 9),
        bytes(10, 11, 10, 10, 51, 50, 50, 48, 100, 100, 96, 100, 9, 9, 9, 9));
    assertEquals(1, c.maxDiff(0));
    assertEquals(1, c.maxDiff(1));
    assertEquals(4, c.maxDiff(2));
    assertEquals(2, c.maxDiff(3));
    assertEquals(4, c.maxDiff());
    assertEquals(3, c.pixelsDiffering());
    assertEquals(2, c.pixelsOver1());
    assertEquals(1, c.pixelsOver3());
    assertEquals((1 + 1 + 2 + 4) / 16.0, c.meanAbsDiff());
    assertEquals((1 + 1 + 4 + 16) / 16.0, c.mse());
  }

  @Test
  void thePassRuleNeedsPsnrAndMaxDiffUnlessMaxDiffIsNull() {
    // 1 sample in 400 off by 5: MSE 25/400, PSNR about 60 dB, max diff 5.
    byte[] e = new byte[100 * 4];
    byte[] a = e.clone();
    a[0] = 5;
    Comparison c = Comparison.of(10, 10, e, a);
    assertTrue(c.psnr() > 60);
    assertEquals(Optional.of("max diff 5 > 3"), c.failure(Tolerance.DEFAULT));
    assertTrue(c.passes(new Tolerance(40, null)));
    assertTrue(c.passes(new Tolerance(40, 5)));
    assertFalse(c.passes(new Tolerance(70, null)));
  }

  @Test
  void comparesFloatImagesAsTheirSavedBytes() {
    try (Image expected = new Image(2, 1, BackendKind.CPU); Image actual = new Image(2, 1, BackendKind.CPU)) {
      Images.upload(expected, new float[] {0.5f, 0, 1, 1, 0.2f, 0.4f, 0.6f, 0});
      // 0.5 and 0.5015 both save as 128; 1.7 clamps to 255; 0.6 + 2/255 is two levels up.
      Images.upload(actual, new float[] {0.5015f, 0, 1.7f, 1, 0.2f, 0.4f, 0.6f + 2 / 255f, 0});
      Comparison c = Comparison.of(expected, actual);
      assertEquals(2, c.maxDiff());
      assertEquals(2, c.maxDiff(2));
      assertEquals(1, c.pixelsDiffering());
    }
  }

  @Test
  void differentSizesFailWithoutMetrics() {
    try (Image expected = new Image(4, 4, BackendKind.CPU); Image actual = new Image(4, 2, BackendKind.CPU)) {
      Comparison c = Comparison.of(expected, actual);
      assertFalse(c.sameSize());
      assertEquals("4x2 (expected 4x4)", c.size());
      assertEquals(Optional.of("size 4x2 (expected 4x4)"), c.failure(new Tolerance(0, null)));
      assertThrows(IllegalStateException.class, c::psnr);
      assertThrows(IllegalStateException.class, c::maxDiff);
    }
  }

  @Test
  void rejectsArraysOfTheWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> Comparison.of(2, 2, new byte[16], new byte[12]));
  }
}
