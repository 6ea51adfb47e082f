package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.backend.ResizeOps;

/**
 * Resampling to a new size with one of four {@link Interpolation}s, on the source's backend.
 *
 * <pre>{@code
 * try (Image photo = Images.load(Path.of("photo.jpg"));                // 1920 × 1080
 *      Image thumb = Resize.lanczosToWidth(photo, 800);            // 800 × 450, sharp
 *      Image tiles = Resize.nearest(photo, 128, 128);              // blocky, exact colours
 *      Image frame = new Image(1280, 720)) {
 *   Resize.bilinearInto(frame, photo, 640, 360);                   // reuses frame's memory: now 640 × 360
 * }
 * }</pre>
 *
 * <p><b>Sizes.</b> Each interpolation has three forms: both sides given ({@code bilinear(src, w, h)}),
 * the width given and the height kept in proportion ({@code bilinearToWidth(src, w)}: {@code trunc(H·(w/W))}
 * in double precision, as the reference computes it), or the height given ({@code bilinearToHeight}). A
 * result of the source's own size is an exact copy.
 *
 * <p><b>Results.</b> Each form returns a new image on {@code src}'s backend, which the caller closes, or
 * writes into a destination with {@code ...Into(dst, src, ...)}: {@code dst}'s logical size is set to the
 * result's ({@link CapacityExceededException} when its capacity is too small; larger is fine). {@code dst}
 * must not be {@code src} ("must be different images").
 *
 * <p><b>Sampling.</b> Output pixel {@code (x, y)} samples the source at
 * {@code ((x + 0.5)·W/w − 0.5, (y + 0.5)·H/h − 0.5)}: pixel centres aligned, edges replicated (nearest,
 * bilinear) or renormalised over the taps inside the image (bicubic, Lanczos). There is no prefilter:
 * large reductions alias, as in the reference. All four channels are interpolated alike on straight
 * (not premultiplied) colours, so transparent black pixels darken the edges next to them.
 *
 * <p><b>Compatibility.</b> PyImageCUDA 0.1.4's formulas and results, including its Lanczos window of taps
 * {@code c − 2 … c + 3} around {@code c = floor(s + 0.5)}, which misses the tap {@code c − 3} when the
 * sample point lies left of {@code c} (see {@code docs/deviations.md}). The CPU and CUDA backends do the
 * same float operations in the same order, so they give the same values (bit for bit; at worst within
 * 1e-4).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image,
 * {@link IllegalStateException} for a freed one, {@link IllegalArgumentException} for a side outside
 * 1..32768 (given or computed), images on different backends, or {@code dst == src}, and
 * {@link CapacityExceededException} for a destination too small.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Resize {
  private Resize() {
  }

  // ---- nearest ----

  /**
   * Resamples {@code src} to {@code width × height} with the closest source pixel (blocky; exact colours).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768
   */
  public static Image nearest(Image src, int width, int height) {
    return resize("Resize.nearest", Interpolation.NEAREST, src, width, height);
  }

  /**
   * {@link #nearest(Image, int, int)} into {@code dst}, whose logical size becomes {@code width × height}.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer than {@code width·height} pixels
   * @throws IllegalArgumentException if a side is not in 1..32768, {@code dst == src}, or they are on
   *     different backends
   */
  public static void nearestInto(Image dst, Image src, int width, int height) {
    resizeInto("Resize.nearestInto", Interpolation.NEAREST, dst, src, width, height);
  }

  /**
   * {@link #nearest(Image, int, int)} to {@code width}, the height kept in proportion:
   * {@code trunc(H·(width/W))} (1920 × 1080 to width 800 gives 800 × 450).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768
   */
  public static Image nearestToWidth(Image src, int width) {
    String op = "Resize.nearestToWidth";
    return resize(op, Interpolation.NEAREST, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #nearestToWidth(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void nearestToWidthInto(Image dst, Image src, int width) {
    String op = "Resize.nearestToWidthInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.NEAREST, dst, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #nearest(Image, int, int)} to {@code height}, the width kept in proportion:
   * {@code trunc(W·(height/H))} (1920 × 1080 to height 540 gives 960 × 540).
   *
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768
   */
  public static Image nearestToHeight(Image src, int height) {
    String op = "Resize.nearestToHeight";
    return resize(op, Interpolation.NEAREST, src, widthFor(op, src, height), height);
  }

  /**
   * {@link #nearestToHeight(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void nearestToHeightInto(Image dst, Image src, int height) {
    String op = "Resize.nearestToHeightInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.NEAREST, dst, src, widthFor(op, src, height), height);
  }
  // ---- bilinear ----

  /**
   * Resamples {@code src} to {@code width × height} with linear interpolation between the 2 × 2 closest
   * source pixels.
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768
   */
  public static Image bilinear(Image src, int width, int height) {
    return resize("Resize.bilinear", Interpolation.BILINEAR, src, width, height);
  }

  /**
   * {@link #bilinear(Image, int, int)} into {@code dst}, whose logical size becomes {@code width × height}.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer than {@code width·height} pixels
   * @throws IllegalArgumentException if a side is not in 1..32768, {@code dst == src}, or they are on
   *     different backends
   */
  public static void bilinearInto(Image dst, Image src, int width, int height) {
    resizeInto("Resize.bilinearInto", Interpolation.BILINEAR, dst, src, width, height);
  }

  /**
   * {@link #bilinear(Image, int, int)} to {@code width}, the height kept in proportion:
   * {@code trunc(H·(width/W))} (1920 × 1080 to width 800 gives 800 × 450).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768
   */
  public static Image bilinearToWidth(Image src, int width) {
    String op = "Resize.bilinearToWidth";
    return resize(op, Interpolation.BILINEAR, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #bilinearToWidth(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void bilinearToWidthInto(Image dst, Image src, int width) {
    String op = "Resize.bilinearToWidthInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.BILINEAR, dst, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #bilinear(Image, int, int)} to {@code height}, the width kept in proportion:
   * {@code trunc(W·(height/H))} (1920 × 1080 to height 540 gives 960 × 540).
   *
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768
   */
  public static Image bilinearToHeight(Image src, int height) {
    String op = "Resize.bilinearToHeight";
    return resize(op, Interpolation.BILINEAR, src, widthFor(op, src, height), height);
  }

  /**
   * {@link #bilinearToHeight(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void bilinearToHeightInto(Image dst, Image src, int height) {
    String op = "Resize.bilinearToHeightInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.BILINEAR, dst, src, widthFor(op, src, height), height);
  }
  // ---- bicubic ----

  /**
   * Resamples {@code src} to {@code width × height} with Catmull-Rom cubic interpolation over 4 × 4 source
   * pixels; values may overshoot [0, 1] next to strong edges (not clamped).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768
   */
  public static Image bicubic(Image src, int width, int height) {
    return resize("Resize.bicubic", Interpolation.BICUBIC, src, width, height);
  }

  /**
   * {@link #bicubic(Image, int, int)} into {@code dst}, whose logical size becomes {@code width × height}.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer than {@code width·height} pixels
   * @throws IllegalArgumentException if a side is not in 1..32768, {@code dst == src}, or they are on
   *     different backends
   */
  public static void bicubicInto(Image dst, Image src, int width, int height) {
    resizeInto("Resize.bicubicInto", Interpolation.BICUBIC, dst, src, width, height);
  }

  /**
   * {@link #bicubic(Image, int, int)} to {@code width}, the height kept in proportion:
   * {@code trunc(H·(width/W))} (1920 × 1080 to width 800 gives 800 × 450).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768
   */
  public static Image bicubicToWidth(Image src, int width) {
    String op = "Resize.bicubicToWidth";
    return resize(op, Interpolation.BICUBIC, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #bicubicToWidth(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void bicubicToWidthInto(Image dst, Image src, int width) {
    String op = "Resize.bicubicToWidthInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.BICUBIC, dst, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #bicubic(Image, int, int)} to {@code height}, the width kept in proportion:
   * {@code trunc(W·(height/H))} (1920 × 1080 to height 540 gives 960 × 540).
   *
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768
   */
  public static Image bicubicToHeight(Image src, int height) {
    String op = "Resize.bicubicToHeight";
    return resize(op, Interpolation.BICUBIC, src, widthFor(op, src, height), height);
  }

  /**
   * {@link #bicubicToHeight(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void bicubicToHeightInto(Image dst, Image src, int height) {
    String op = "Resize.bicubicToHeightInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.BICUBIC, dst, src, widthFor(op, src, height), height);
  }
  // ---- lanczos ----

  /**
   * Resamples {@code src} to {@code width × height} with Lanczos-3 interpolation over 6 × 6 source pixels,
   * every channel clamped to [0, 1].
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768
   */
  public static Image lanczos(Image src, int width, int height) {
    return resize("Resize.lanczos", Interpolation.LANCZOS, src, width, height);
  }

  /**
   * {@link #lanczos(Image, int, int)} into {@code dst}, whose logical size becomes {@code width × height}.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer than {@code width·height} pixels
   * @throws IllegalArgumentException if a side is not in 1..32768, {@code dst == src}, or they are on
   *     different backends
   */
  public static void lanczosInto(Image dst, Image src, int width, int height) {
    resizeInto("Resize.lanczosInto", Interpolation.LANCZOS, dst, src, width, height);
  }

  /**
   * {@link #lanczos(Image, int, int)} to {@code width}, the height kept in proportion:
   * {@code trunc(H·(width/W))} (1920 × 1080 to width 800 gives 800 × 450).
   *
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768
   */
  public static Image lanczosToWidth(Image src, int width) {
    String op = "Resize.lanczosToWidth";
    return resize(op, Interpolation.LANCZOS, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #lanczosToWidth(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param width the result's width, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code width} or the computed height is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void lanczosToWidthInto(Image dst, Image src, int width) {
    String op = "Resize.lanczosToWidthInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.LANCZOS, dst, src, width, heightFor(op, src, width));
  }

  /**
   * {@link #lanczos(Image, int, int)} to {@code height}, the width kept in proportion:
   * {@code trunc(W·(height/H))} (1920 × 1080 to height 540 gives 960 × 540).
   *
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @return a new image on {@code src}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768
   */
  public static Image lanczosToHeight(Image src, int height) {
    String op = "Resize.lanczosToHeight";
    return resize(op, Interpolation.LANCZOS, src, widthFor(op, src, height), height);
  }

  /**
   * {@link #lanczosToHeight(Image, int)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code src}, not {@code src}
   * @param src the source, unchanged
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer pixels than the result
   * @throws IllegalArgumentException if {@code height} or the computed width is not in 1..32768,
   *     {@code dst == src}, or they are on different backends
   */
  public static void lanczosToHeightInto(Image dst, Image src, int height) {
    String op = "Resize.lanczosToHeightInto";
    Check.usable(op, "dst", dst);
    resizeInto(op, Interpolation.LANCZOS, dst, src, widthFor(op, src, height), height);
  }

  // ---- shared ----

  private static Image resize(String op, Interpolation method, Image src, int width, int height) {
    Check.usable(op, "src", src);
    Check.side(op, "width", width);
    Check.side(op, "height", height);
    Image dst = Image.forResult(width, height, src.backend());
    resample(method, dst, src);
    return dst;
  }

  private static void resizeInto(String op, Interpolation method, Image dst, Image src, int width, int height) {
    Check.sameBackend(op, new String[] {"dst", "src"}, dst, src);
    Check.notAliased(op, "dst", dst, "src", src);
    Check.side(op, "width", width);
    Check.side(op, "height", height);
    Check.resizeFor(op, "dst", dst, width, height);
    resample(method, dst, src);
  }

  /** The height that keeps {@code src}'s proportions at {@code width}: {@code trunc(H·(width/W))}. */
  private static int heightFor(String op, Image src, int width) {
    Check.usable(op, "src", src);
    Check.side(op, "width", width);
    return derived(op, "height", src.height() * ((double) width / src.width()), src, "width", width);
  }

  /** The width that keeps {@code src}'s proportions at {@code height}: {@code trunc(W·(height/H))}. */
  private static int widthFor(String op, Image src, int height) {
    Check.usable(op, "src", src);
    Check.side(op, "height", height);
    return derived(op, "width", src.width() * ((double) height / src.height()), src, "height", height);
  }

  private static int derived(String op, String side, double exact, Image src, String given, int value) {
    int result = (int) exact; // truncation toward zero, like the reference's int()
    if (result < 1 || result > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException(String.format(
          "%s: the %s kept in proportion (%dx%d source at %s %d) must be in 1..%d, got %d", op, side,
          src.width(), src.height(), given, value, ImageBase.MAX_SIDE, result));
    }
    return result;
  }

  /** Fills {@code dst} (already sized) from {@code src}: a copy when the sizes are equal. */
  private static void resample(Interpolation method, Image dst, Image src) {
    int w = dst.width();
    int h = dst.height();
    try (Use u = Use.of("Resize", dst, src)) {
      if (w == src.width() && h == src.height()) {
        src.backendImpl().copy(dst.storage(), src.storage(), src.byteSize());
        return;
      }
      ResizeOps ops = src.backendImpl().resize();
      switch (method) {
        case NEAREST -> ops.nearest(dst.storage(), w, h, src.storage(), src.width(), src.height());
        case BILINEAR -> ops.bilinear(dst.storage(), w, h, src.storage(), src.width(), src.height());
        case BICUBIC -> ops.bicubic(dst.storage(), w, h, src.storage(), src.width(), src.height());
        case LANCZOS -> ops.lanczos(dst.storage(), w, h, src.storage(), src.width(), src.height());
      }
    }
  }
}
