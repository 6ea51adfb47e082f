package io.jimagecuda.recipe;

import io.jimagecuda.Image;
import java.util.Locale;
import java.util.Optional;

/**
 * The conformance kit's comparison of an expected and an actual 8-bit RGBA image (its README,
 * "Comparing"), over all {@code W·H} pixels and all four channels:
 *
 * <ul>
 *   <li>per-channel max abs diff, and the max abs diff: the largest of the four;
 *   <li>mean abs diff {@code Σ|e − a| / (4·W·H)};
 *   <li>PSNR {@code 10·log10(255² / MSE)} with {@code MSE = Σ(e − a)² / (4·W·H)}, infinite when the images
 *       are identical;
 *   <li>the number of pixels that differ at all, by more than 1 and by more than 3 (in any channel).
 * </ul>
 *
 * <p>Images of different sizes compare as a failure; their metrics do not exist. The colour of transparent
 * pixels is compared like any other.
 */
public final class Comparison {
  private static final String[] CHANNELS = {"R", "G", "B", "A"};

  private final int expectedWidth;
  private final int expectedHeight;
  private final int actualWidth;
  private final int actualHeight;
  private final int[] channelMax = new int[4];
  private long sumAbs;
  private long sumSquares;
  private long differing;
  private long over1;
  private long over3;

  private Comparison(int expectedWidth, int expectedHeight, int actualWidth, int actualHeight) {
    this.expectedWidth = expectedWidth;
    this.expectedHeight = expectedHeight;
    this.actualWidth = actualWidth;
    this.actualHeight = actualHeight;
  }

  /**
   * Compares two float images after converting each to 8 bits on its own backend, as saving them to PNG
   * would. The images may live on different backends.
   *
   * @param expected the reference image
   * @param actual the image under test
   * @return the metrics, or a size mismatch
   */
  public static Comparison of(Image expected, Image actual) {
    if (expected.width() != actual.width() || expected.height() != actual.height()) {
      return new Comparison(expected.width(), expected.height(), actual.width(), actual.height());
    }
    return of(expected.width(), expected.height(), HostPixels.rgba8(expected), HostPixels.rgba8(actual));
  }

  /**
   * Compares two 8-bit RGBA rasters of {@code width × height} pixels (rows top to bottom, channels R, G, B,
   * A).
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param expected the reference pixels
   * @param actual the pixels under test
   * @return the metrics
   * @throws IllegalArgumentException if an array does not hold {@code width·height·4} bytes
   */
  public static Comparison of(int width, int height, byte[] expected, byte[] actual) {
    long n = (long) width * height * 4;
    if (expected.length != n || actual.length != n) {
      throw new IllegalArgumentException("Comparison.of: expected " + n + " bytes for " + width + "x" + height
          + ", got " + expected.length + " and " + actual.length);
    }
    Comparison c = new Comparison(width, height, width, height);
    for (int i = 0; i < expected.length; i += 4) {
      int pixelMax = 0;
      for (int ch = 0; ch < 4; ch++) {
        int d = Math.abs((expected[i + ch] & 0xFF) - (actual[i + ch] & 0xFF));
        c.channelMax[ch] = Math.max(c.channelMax[ch], d);
        c.sumAbs += d;
        c.sumSquares += d * d;
        pixelMax = Math.max(pixelMax, d);
      }
      c.differing += pixelMax > 0 ? 1 : 0;
      c.over1 += pixelMax > 1 ? 1 : 0;
      c.over3 += pixelMax > 3 ? 1 : 0;
    }
    return c;
  }

  /** {@return whether both images have the same size} If not, the metrics below throw. */
  public boolean sameSize() {
    return expectedWidth == actualWidth && expectedHeight == actualHeight;
  }

  /** {@return the size: "512x512", or "800x600 (expected 512x512)" when the sizes differ} */
  public String size() {
    return actualWidth + "x" + actualHeight
        + (sameSize() ? "" : " (expected " + expectedWidth + "x" + expectedHeight + ")");
  }

  /**
   * {@return the max abs diff of one channel}
   *
   * @param channel 0..3: R, G, B, A
   * @throws IllegalStateException if the sizes differ
   */
  public int maxDiff(int channel) {
    requireSameSize();
    return channelMax[channel];
  }

  /**
   * {@return the max abs diff over all four channels}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public int maxDiff() {
    requireSameSize();
    return Math.max(Math.max(channelMax[0], channelMax[1]), Math.max(channelMax[2], channelMax[3]));
  }

  /**
   * {@return the mean abs diff per channel sample}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public double meanAbsDiff() {
    return sumAbs / (double) samples();
  }

  /**
   * {@return the mean squared error per channel sample}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public double mse() {
    return sumSquares / (double) samples();
  }

  /**
   * {@return the PSNR in dB; {@link Double#POSITIVE_INFINITY} when the images are identical}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public double psnr() {
    double mse = mse();
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /**
   * {@return the number of pixels with any channel different}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public long pixelsDiffering() {
    requireSameSize();
    return differing;
  }

  /**
   * {@return the number of pixels with a channel more than 1 level off}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public long pixelsOver1() {
    requireSameSize();
    return over1;
  }

  /**
   * {@return the number of pixels with a channel more than 3 levels off}
   *
   * @throws IllegalStateException if the sizes differ
   */
  public long pixelsOver3() {
    requireSameSize();
    return over3;
  }

  /**
   * {@return whether the comparison meets {@code tolerance}: same size, PSNR and, unless unchecked, max diff}
   *
   * @param tolerance the pass rule
   */
  public boolean passes(Tolerance tolerance) {
    return failure(tolerance).isEmpty();
  }

  /**
   * {@return why the comparison does not meet {@code tolerance} ({@code "PSNR 35.20 dB < 40.0"}), or empty if
   * it does}
   *
   * @param tolerance the pass rule
   */
  public Optional<String> failure(Tolerance tolerance) {
    if (!sameSize()) {
      return Optional.of("size " + size());
    }
    if (!(psnr() >= tolerance.minPsnr())) {
      return Optional.of(String.format(Locale.ROOT, "PSNR %.2f dB < %s", psnr(), tolerance.minPsnr()));
    }
    if (tolerance.maxDiff() != null && maxDiff() > tolerance.maxDiff()) {
      return Optional.of("max diff " + maxDiff() + " > " + tolerance.maxDiff());
    }
    return Optional.empty();
  }

  /** One line with every metric, e.g. {@code PSNR inf dB, max 0 (R0 G0 B0 A0), mean 0.0000, ...}. */
  @Override
  public String toString() {
    if (!sameSize()) {
      return "size " + size();
    }
    StringBuilder channels = new StringBuilder();
    for (int ch = 0; ch < 4; ch++) {
      channels.append(ch == 0 ? "" : " ").append(CHANNELS[ch]).append(channelMax[ch]);
    }
    return String.format(Locale.ROOT, "PSNR %s dB, max %d (%s), mean %.4f, pixels differing %d, >1 %d, >3 %d",
        formatPsnr(psnr()), maxDiff(), channels, meanAbsDiff(), differing, over1, over3);
  }

  /**
   * {@return a PSNR with two decimals, or {@code inf}}
   *
   * @param psnr a PSNR in dB, possibly infinite
   */
  public static String formatPsnr(double psnr) {
    return Double.isInfinite(psnr) ? "inf" : String.format(Locale.ROOT, "%.2f", psnr);
  }

  private long samples() {
    requireSameSize();
    return (long) expectedWidth * expectedHeight * 4;
  }

  private void requireSameSize() {
    if (!sameSize()) {
      throw new IllegalStateException("the images differ in size: " + size());
    }
  }
}
