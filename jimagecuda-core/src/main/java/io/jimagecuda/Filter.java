package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.GaussianWeights;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Filters: Gaussian blur, sharpen, Sobel edges and emboss, which produce a new image from a source, and
 * the per-pixel tone filters sepia, invert, threshold and solarize, which work in place.
 *
 * <pre>{@code
 * try (Image photo = Images.load(Path.of("photo.jpg"));
 *      Image soft = Filter.gaussianBlur(photo, 10)) {        // new image, radius 10, sigma 10/3
 *   Filter.sepia(soft);                                      // in place
 *   Images.save(soft, Path.of("soft.png"));
 * }
 * }</pre>
 *
 * <p><b>Producers come in pairs.</b> {@code gaussianBlur(src, ...)} returns a new image of
 * {@code src}'s size on {@code src}'s backend, which the caller closes; {@code gaussianBlurInto(dst, src,
 * ...)} writes into {@code dst} instead, first setting its logical size to {@code src}'s (its capacity
 * must hold that many pixels; a larger one is fine). The same holds for {@link #sharpen}, {@link #sobel}
 * and {@link #emboss}. The blur may write over its source ({@code dst == src}): its two passes are
 * separated by a scratch image. The others read neighbours of pixels they have already written and
 * refuse {@code dst == src}.
 *
 * <p><b>Values.</b> All four channels are straight (not premultiplied) floats and are filtered as they
 * are; only {@link #sharpen} clamps its colour to 0..1. Borders clamp to the edge: a neighbour outside
 * the image is the nearest edge pixel.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4; {@code docs/deviations.md}
 * ("Filter") lists where JImageCUDA does better: sharpen's border, emboss at strength 0 and the
 * stricter argument checks. The CPU and CUDA backends give the same values (bit for bit where the
 * formula allows, within 1e-4 otherwise).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image or options record,
 * {@link IllegalStateException} if an image was freed, {@link IllegalArgumentException} for images of
 * different backends, a refused aliasing ("must be different images"), a NaN or infinite parameter
 * ("must be a finite number") and the out-of-range values it names, and
 * {@link CapacityExceededException} when a supplied {@code dst} or {@code temp} is too small. Every
 * check runs before any pixel is touched, no-op shortcuts included.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Filter {
  /** Largest blur radius. */
  public static final int MAX_RADIUS = GaussianWeights.MAX_RADIUS;

  /** Explicit sigmas up to this value blur nothing: the result is an exact copy (as in the reference). */
  private static final float IDENTITY_SIGMA = 0.001f;
  /** Strengths and intensities below this magnitude change nothing (the reference's shortcuts). */
  private static final float NO_EFFECT = 1e-6f;

  private Filter() {
  }

  /**
   * Options of {@link Filter#gaussianBlur(Image, GaussianBlur)}. Immutable; start from {@link #DEFAULTS}
   * and change what you need. Not validated here: the blur validates them, naming itself.
   *
   * <pre>{@code
   * Filter.gaussianBlurInto(dst, src, Filter.GaussianBlur.DEFAULTS.withRadius(20).withTemp(scratch));
   * }</pre>
   *
   * @param radius half-width of the kernel in pixels, 0..{@value Filter#MAX_RADIUS}; 0 copies
   * @param sigma the Gaussian's standard deviation in pixels, {@code ≥ 0}, or {@link #AUTO_SIGMA} for
   *     {@code radius / 3}; an explicit sigma up to 0.001 copies
   * @param temp scratch image for the horizontal pass, resized to the source's size, its pixels
   *     afterwards unspecified; {@code null}: one is allocated and freed inside the call when the backend
   *     needs it. Must be neither the source nor the destination.
   */
  public record GaussianBlur(int radius, float sigma, @Nullable Image temp) {
    /** The {@code sigma} that stands for "not given": {@code radius / 3}, so that ±radius is about 3σ. */
    public static final float AUTO_SIGMA = -1f;
    /** The reference's defaults: radius 3, sigma {@code radius / 3} (= 1), no scratch image. */
    public static final GaussianBlur DEFAULTS = new GaussianBlur(3, AUTO_SIGMA, null);

    /**
     * A copy with another radius.
     *
     * @param radius half-width of the kernel in pixels, 0..{@value Filter#MAX_RADIUS}; 0 copies
     * @return a new {@code GaussianBlur} with the other components of this one
     */
    public GaussianBlur withRadius(int radius) {
      return new GaussianBlur(radius, sigma, temp);
    }

    /**
     * A copy with an explicit sigma.
     *
     * @param sigma the standard deviation in pixels, {@code ≥ 0}; up to 0.001 the blur copies
     * @return a new {@code GaussianBlur} with the other components of this one
     */
    public GaussianBlur withSigma(float sigma) {
      return new GaussianBlur(radius, sigma, temp);
    }

    /** {@return a copy whose sigma follows the radius: {@code radius / 3} ({@link #AUTO_SIGMA})} */
    public GaussianBlur withAutoSigma() {
      return new GaussianBlur(radius, AUTO_SIGMA, temp);
    }

    /**
     * A copy with a scratch image to reuse between calls.
     *
     * @param temp the scratch image, on the source's backend, neither the source nor the destination;
     *     {@code null}: one is allocated per call when needed
     * @return a new {@code GaussianBlur} with the other components of this one
     */
    public GaussianBlur withTemp(@Nullable Image temp) {
      return new GaussianBlur(radius, sigma, temp);
    }

    /** {@return whether the sigma is {@link #AUTO_SIGMA}, i.e. follows the radius} */
    public boolean isAutoSigma() {
      return sigma == AUTO_SIGMA;
    }
  }

  // ---------------------------------------------------------------- Gaussian blur

  /**
   * {@link #gaussianBlur(Image, GaussianBlur)} with radius 3 and sigma 1.
   *
   * @param src not modified
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   */
  public static Image gaussianBlur(Image src) {
    return gaussianBlur(src, GaussianBlur.DEFAULTS);
  }

  /**
   * {@link #gaussianBlur(Image, GaussianBlur)} with this radius and sigma {@code radius / 3}.
   *
   * @param src not modified
   * @param radius half-width of the kernel in pixels, 0..{@value #MAX_RADIUS}; 0 copies
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   * @throws IllegalArgumentException if {@code radius} is negative or above {@value #MAX_RADIUS}
   */
  public static Image gaussianBlur(Image src, int radius) {
    return gaussianBlur(src, GaussianBlur.DEFAULTS.withRadius(radius));
  }

  /**
   * A new image: {@code src} blurred with a Gaussian, separably (a horizontal pass into the scratch
   * image, then a vertical pass). Each pass computes, per channel,
   * {@code w0·S(x) + Σ_{i=1..radius} w_i·(S(x − i) + S(x + i))} with borders clamped to the edge and
   * the weights {@code w_i = exp(−i²/2σ²)} normalised so that the {@code 2·radius + 1} taps sum to 1.
   * Radius 0, or an explicit sigma up to 0.001, gives an exact copy.
   *
   * @param src not modified
   * @param options radius, sigma and scratch image; see {@link GaussianBlur}
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   * @throws IllegalArgumentException if the radius is negative ("non-negative") or above 100
   *     ("max 100"), sigma is NaN, infinite or negative (other than {@link GaussianBlur#AUTO_SIGMA}),
   *     {@code temp} is {@code src} or on another backend
   * @throws CapacityExceededException if {@code temp} is too small
   */
  public static Image gaussianBlur(Image src, GaussianBlur options) {
    String op = "Filter.gaussianBlur";
    Check.usable(op, "src", src);
    float sigma = blurSigma(op, options);
    checkTemp(op, options.temp(), src, null);
    return produce(src, dst -> blur(op, dst, src, options, sigma));
  }

  /**
   * {@link #gaussianBlurInto(Image, Image, GaussianBlur)} with radius 3 and sigma 1.
   *
   * @param dst receives the result; may be {@code src}
   * @param src not modified
   */
  public static void gaussianBlurInto(Image dst, Image src) {
    gaussianBlurInto(dst, src, GaussianBlur.DEFAULTS);
  }

  /**
   * {@link #gaussianBlurInto(Image, Image, GaussianBlur)} with this radius and sigma {@code radius / 3}.
   *
   * @param dst receives the result; may be {@code src}
   * @param src not modified
   * @param radius half-width of the kernel in pixels, 0..{@value #MAX_RADIUS}; 0 copies
   * @throws IllegalArgumentException if {@code radius} is negative or above {@value #MAX_RADIUS}
   */
  public static void gaussianBlurInto(Image dst, Image src, int radius) {
    gaussianBlurInto(dst, src, GaussianBlur.DEFAULTS.withRadius(radius));
  }

  /**
   * {@link #gaussianBlur(Image, GaussianBlur)} into {@code dst}, whose logical size becomes
   * {@code src}'s. {@code dst} may be {@code src}: the image is then blurred in place.
   *
   * @param dst receives the result; may be {@code src}
   * @param src the source; modified only when it is {@code dst}
   * @param options radius, sigma and scratch image; see {@link GaussianBlur}
   * @throws IllegalArgumentException as {@link #gaussianBlur(Image, GaussianBlur)}, and if {@code temp}
   *     is {@code dst} or the images are on different backends
   * @throws CapacityExceededException if {@code dst} or {@code temp} is too small (a {@code dst} resized
   *     before a too-small {@code temp} is found stays resized)
   */
  public static void gaussianBlurInto(Image dst, Image src, GaussianBlur options) {
    String op = "Filter.gaussianBlurInto";
    Check.sameBackend(op, new String[] {"dst", "src"}, dst, src);
    float sigma = blurSigma(op, options);
    checkTemp(op, options.temp(), src, dst);
    Check.resizeFor(op, "dst", dst, src.width(), src.height());
    blur(op, dst, src, options, sigma);
  }

  /** Validates radius and sigma; returns the sigma to use. */
  private static float blurSigma(String op, GaussianBlur options) {
    Check.notNull(op, "options", options);
    Check.nonNegative(op, "radius", options.radius());
    Check.atMost(op, "radius", options.radius(), MAX_RADIUS);
    Check.finite(op, "sigma", options.sigma());
    if (options.isAutoSigma()) {
      return GaussianWeights.autoSigma(options.radius());
    }
    if (options.sigma() < 0) {
      throw new IllegalArgumentException(op + ": sigma must be non-negative (or GaussianBlur.AUTO_SIGMA for "
          + "radius / 3), got " + options.sigma());
    }
    return options.sigma();
  }

  private static void checkTemp(String op, @Nullable Image temp, Image src, @Nullable Image dst) {
    if (temp == null) {
      return;
    }
    Check.sameBackend(op, new String[] {"src", "temp"}, src, temp);
    Check.notAliased(op, "temp", temp, "src", src);
    if (dst != null) {
      Check.notAliased(op, "temp", temp, "dst", dst);
    }
  }

  private static void blur(String op, Image dst, Image src, GaussianBlur options, float sigma) {
    int w = src.width();
    int h = src.height();
    Image temp = options.temp();
    if (temp != null) {
      Check.resizeFor(op, "temp", temp, w, h);
    }
    Backend backend = src.backendImpl();
    if (options.radius() == 0 || !options.isAutoSigma() && sigma <= IDENTITY_SIGMA) {
      copy(dst, src);
      return;
    }
    float[] weights = GaussianWeights.compute(options.radius(), sigma);
    try (Use u = Use.of("Filter.gaussianBlur", dst, src, temp)) {
      backend.filter().gaussianBlur(dst.storage(), src.storage(), temp == null ? null : temp.storage(), w, h,
          weights);
    }
  }

  // ---------------------------------------------------------------- sharpen

  /**
   * {@link #sharpen(Image, float)} with strength 1.
   *
   * @param src not modified
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   */
  public static Image sharpen(Image src) {
    return sharpen(src, 1f);
  }

  /**
   * A new image: {@code src} sharpened with a 4-neighbour Laplacian. Per colour channel
   * {@code clamp((1 + 4s)·C − s·(up + down + left + right), 0, 1)}, neighbours outside the image being
   * the edge pixel (so a flat image stays flat); alpha is copied. Strength below 1e-6 gives an exact
   * copy (not clamped).
   *
   * <pre>
   *   0 −s  0
   *  −s 1+4s −s      applied to R, G and B
   *   0 −s  0
   * </pre>
   *
   * @param src not modified
   * @param strength {@code ≥ 0}; 1 is strong, 0.2–0.5 is subtle
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   * @throws IllegalArgumentException if {@code strength} is negative ("non-negative"), NaN or infinite
   */
  public static Image sharpen(Image src, float strength) {
    String op = "Filter.sharpen";
    Check.usable(op, "src", src);
    Check.nonNegative(op, "strength", strength);
    return produce(src, dst -> sharpenImpl(dst, src, strength));
  }

  /**
   * {@link #sharpenInto(Image, Image, float)} with strength 1.
   *
   * @param dst receives the result; must not be {@code src}
   * @param src not modified
   */
  public static void sharpenInto(Image dst, Image src) {
    sharpenInto(dst, src, 1f);
  }

  /**
   * {@link #sharpen(Image, float)} into {@code dst}, whose logical size becomes {@code src}'s.
   *
   * @param dst receives the result; must not be {@code src}
   * @param src not modified
   * @param strength {@code ≥ 0}; 1 is strong, 0.2–0.5 is subtle
   * @throws IllegalArgumentException as {@link #sharpen(Image, float)}, if {@code dst == src} ("must be
   *     different images") or the images are on different backends
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void sharpenInto(Image dst, Image src, float strength) {
    String op = "Filter.sharpenInto";
    checkInto(op, dst, src);
    Check.nonNegative(op, "strength", strength);
    Check.resizeFor(op, "dst", dst, src.width(), src.height());
    sharpenImpl(dst, src, strength);
  }

  private static void sharpenImpl(Image dst, Image src, float strength) {
    if (strength < NO_EFFECT) {
      copy(dst, src);
    } else {
      try (Use u = Use.of("Filter.sharpen", dst, src)) {
        src.backendImpl().filter().sharpen(dst.storage(), src.storage(), src.width(), src.height(), strength);
      }
    }
  }

  // ---------------------------------------------------------------- sobel

  /**
   * A new image: the Sobel gradient magnitude of each colour channel,
   * {@code sqrt(Gx² + Gy²)} with the 3×3 kernels below and borders clamped to the edge; alpha is 1.
   * The result is a colour edge map, not clamped: a 0 → 1 step gives 4, a diagonal one up to 4√2.
   *
   * <pre>
   *  Gx: −1 0 1     Gy: −1 −2 −1
   *      −2 0 2          0  0  0
   *      −1 0 1          1  2  1
   * </pre>
   *
   * @param src not modified
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   */
  public static Image sobel(Image src) {
    Check.usable("Filter.sobel", "src", src);
    return produce(src, dst -> sobelImpl(dst, src));
  }

  /**
   * {@link #sobel(Image)} into {@code dst}, whose logical size becomes {@code src}'s.
   *
   * @param dst receives the result; must not be {@code src}
   * @param src not modified
   * @throws IllegalArgumentException if {@code dst == src} ("must be different images") or the images
   *     are on different backends
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void sobelInto(Image dst, Image src) {
    String op = "Filter.sobelInto";
    checkInto(op, dst, src);
    Check.resizeFor(op, "dst", dst, src.width(), src.height());
    sobelImpl(dst, src);
  }

  private static void sobelImpl(Image dst, Image src) {
    try (Use u = Use.of("Filter.sobel", dst, src)) {
      src.backendImpl().filter().sobel(dst.storage(), src.storage(), src.width(), src.height());
    }
  }

  // ---------------------------------------------------------------- emboss

  /**
   * {@link #emboss(Image, float)} with strength 1.
   *
   * @param src not modified
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   */
  public static Image emboss(Image src) {
    return emboss(src, 1f);
  }

  /**
   * A new image: a relief. Per colour channel {@code 0.5 + s·Σ K·P} with the kernel below over the
   * 3×3 neighbourhood (borders clamped to the edge); alpha is 1. The kernel sums to 1 (the reference's
   * choice), so a flat area of value {@code v} becomes {@code 0.5 + s·v}, and strength 0 gives flat 0.5
   * grey. Not clamped. Negative strengths invert the relief.
   *
   * <pre>
   *  −2 −1  0
   *  −1  1  1
   *   0  1  2
   * </pre>
   *
   * @param src not modified
   * @param strength any finite value
   * @return a new image of {@code src}'s size on its backend; the caller closes it
   * @throws IllegalArgumentException if {@code strength} is NaN or infinite
   */
  public static Image emboss(Image src, float strength) {
    String op = "Filter.emboss";
    Check.usable(op, "src", src);
    Check.finite(op, "strength", strength);
    return produce(src, dst -> embossImpl(dst, src, strength));
  }

  /**
   * {@link #embossInto(Image, Image, float)} with strength 1.
   *
   * @param dst receives the result; must not be {@code src}
   * @param src not modified
   */
  public static void embossInto(Image dst, Image src) {
    embossInto(dst, src, 1f);
  }

  /**
   * {@link #emboss(Image, float)} into {@code dst}, whose logical size becomes {@code src}'s.
   *
   * @param dst receives the result; must not be {@code src}
   * @param src not modified
   * @param strength any finite value
   * @throws IllegalArgumentException as {@link #emboss(Image, float)}, if {@code dst == src} ("must be
   *     different images") or the images are on different backends
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void embossInto(Image dst, Image src, float strength) {
    String op = "Filter.embossInto";
    checkInto(op, dst, src);
    Check.finite(op, "strength", strength);
    Check.resizeFor(op, "dst", dst, src.width(), src.height());
    embossImpl(dst, src, strength);
  }

  private static void embossImpl(Image dst, Image src, float strength) {
    try (Use u = Use.of("Filter.emboss", dst, src)) {
      src.backendImpl().filter().emboss(dst.storage(), src.storage(), src.width(), src.height(), strength);
    }
  }

  // ---------------------------------------------------------------- in place

  /**
   * {@link #sepia(Image, float)} at full intensity.
   *
   * @param image modified in place
   */
  public static void sepia(Image image) {
    sepia(image, 1f);
  }

  /**
   * Sepia tone, in place: {@code c ← c·(1 − k) + c'·k} with
   * {@code R' = 0.393r + 0.769g + 0.189b}, {@code G' = 0.349r + 0.686g + 0.168b},
   * {@code B' = 0.272r + 0.534g + 0.131b}. Not clamped: white becomes about (1.351, 1.203, 0.937).
   * Alpha is kept. {@code |k| < 1e-6} changes nothing.
   *
   * @param image modified in place
   * @param intensity {@code k}, any finite value; 0 none, 1 full sepia
   * @throws IllegalArgumentException if {@code intensity} is NaN or infinite
   */
  public static void sepia(Image image, float intensity) {
    String op = "Filter.sepia";
    Check.usable(op, "image", image);
    Check.finite(op, "intensity", intensity);
    if (Math.abs(intensity) < NO_EFFECT) {
      return;
    }
    try (Use u = Use.of(op, image)) {
      image.backendImpl().filter().sepia(image.storage(), image.width(), image.height(), intensity);
    }
  }

  /**
   * Negative, in place: {@code c ← 1 − c} for R, G and B; alpha kept. Not clamped (values above 1
   * become negative).
   *
   * @param image modified in place
   */
  public static void invert(Image image) {
    Check.usable("Filter.invert", "image", image);
    try (Use u = Use.of("Filter.invert", image)) {
      image.backendImpl().filter().invert(image.storage(), image.width(), image.height());
    }
  }

  /**
   * {@link #threshold(Image, float)} at 0.5.
   *
   * @param image modified in place
   */
  public static void threshold(Image image) {
    threshold(image, 0.5f);
  }

  /**
   * Black and white, in place: R, G and B become 1 where the luma {@code 0.299r + 0.587g + 0.114b} is
   * at least {@code value} (inclusive), else 0. Alpha is kept.
   *
   * @param image modified in place
   * @param value the luma threshold, any finite value (typically 0..1)
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static void threshold(Image image, float value) {
    String op = "Filter.threshold";
    Check.usable(op, "image", image);
    Check.finite(op, "value", value);
    try (Use u = Use.of(op, image)) {
      image.backendImpl().filter().threshold(image.storage(), image.width(), image.height(), value);
    }
  }

  /**
   * {@link #solarize(Image, float)} at 0.5.
   *
   * @param image modified in place
   */
  public static void solarize(Image image) {
    solarize(image, 0.5f);
  }

  /**
   * Solarisation, in place: each colour channel strictly above {@code threshold} becomes
   * {@code 1 − c}, each channel on its own (as the photographic effect and most editors do); alpha is
   * kept.
   *
   * @param image modified in place
   * @param threshold any finite value (typically 0..1)
   * @throws IllegalArgumentException if {@code threshold} is NaN or infinite
   */
  public static void solarize(Image image, float threshold) {
    String op = "Filter.solarize";
    Check.usable(op, "image", image);
    Check.finite(op, "threshold", threshold);
    try (Use u = Use.of(op, image)) {
      image.backendImpl().filter().solarize(image.storage(), image.width(), image.height(), threshold);
    }
  }

  // ---------------------------------------------------------------- shared

  /** dst and src are usable, on one backend and not the same image. */
  private static void checkInto(String op, Image dst, Image src) {
    Check.sameBackend(op, new String[] {"dst", "src"}, dst, src);
    Check.notAliased(op, "dst", dst, "src", src);
  }

  /** Runs {@code into} on a new image of {@code src}'s size and backend; frees it if that fails. */
  private static Image produce(Image src, Consumer<Image> into) {
    Image dst = Image.forResult(src.width(), src.height(), src.backend());
    try {
      into.accept(dst);
      return dst;
    } catch (RuntimeException | Error e) {
      dst.free();
      throw e;
    }
  }

  /** An exact copy of {@code src}'s pixels into {@code dst} (already of {@code src}'s size). */
  private static void copy(Image dst, Image src) {
    if (dst != src) {
      try (Use u = Use.of("Filter.copy", dst, src)) {
        src.backendImpl().copy(dst.storage(), src.storage(), src.byteSize());
      }
    }
  }
}
