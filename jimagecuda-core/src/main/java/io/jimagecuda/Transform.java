package io.jimagecuda;

import io.jimagecuda.internal.Check;

/**
 * Geometric transforms: flip, rotate, crop and zoom, each making a new image on the source's backend.
 *
 * <pre>{@code
 * try (Image photo = Images.load(Path.of("photo.jpg"));                               // 1920 × 1080
 *      Image mirrored = Transform.flip(photo, FlipDirection.HORIZONTAL);
 *      Image tilted = Transform.rotate(photo, 45);                                 // 2121 × 2121, corners transparent
 *      Image level = Transform.rotate(photo, 3, Transform.Rotate.DEFAULTS.withExpand(false));  // 1920 × 1080
 *      Image face = Transform.crop(photo, 200, 100, 800, 600);
 *      Image closeUp = Transform.zoom(photo, 5)) {                                // 5× around the centre
 * }
 * }</pre>
 *
 * <p><b>Coordinates.</b> Pixel {@code (x, y)} has integer coordinates, x to the right and y downwards from
 * the top-left pixel; angles are in degrees, positive clockwise on screen.
 *
 * <p><b>Results.</b> Each op returns a new image, which the caller closes, or writes into a destination
 * with {@code ...Into(dst, image, ...)}. {@code flipInto}, {@code rotateInto} and {@code cropInto} set
 * {@code dst}'s logical size to the result's ({@link CapacityExceededException} when its capacity is too
 * small; larger is fine). <b>{@code zoomInto} is different</b>, as in the reference: it does not resize
 * {@code dst}; the destination's current logical size <em>is</em> the output size, so one call can zoom a
 * 1920 × 1080 photo into a 640 × 360 window. {@code dst} must not be {@code image} ("must be different
 * images").
 *
 * <p><b>Sampling.</b> Rotation by an angle that is not a multiple of 90° and zoom read the source with an
 * {@link Interpolation} (bilinear by default) on straight (not premultiplied) colours; their edges are
 * hard (no antialiasing of the border), and what lies outside the source is transparent black
 * {@code (0, 0, 0, 0)}.
 *
 * <p><b>Compatibility.</b> PyImageCUDA 0.1.4's formulas, including its choices (truncated expanded
 * sizes, zoom's corner-aligned mapping); where JImageCUDA differs it is listed in
 * {@code docs/deviations.md}. The CPU and CUDA backends do the same float operations in the same order,
 * so they give the same values (bit for bit; at worst within 1e-4).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image, direction or
 * options record, {@link IllegalStateException} for a freed image, {@link IllegalArgumentException} for
 * the out-of-range or non-finite parameters it names, images on different backends or
 * {@code dst == image}, and {@link CapacityExceededException} for a destination too small.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Transform {
  /** Angles within this many degrees of a multiple of 90° take the lossless path (the reference's 0.01). */
  public static final double SNAP_DEGREES = 0.01;

  private Transform() {
  }

  /**
   * Options of {@link Transform#rotate(Image, float, Rotate)}.
   *
   * <pre>{@code
   * Transform.rotate(img, 30, Transform.Rotate.DEFAULTS.withExpand(false).withInterpolation(Interpolation.BICUBIC));
   * }</pre>
   *
   * @param expand whether the result grows to hold the whole rotated image ({@code true}, the default)
   *     or keeps the source's size, corners cut
   * @param interpolation the sampler for angles that are not multiples of 90°; bilinear by default
   */
  public record Rotate(boolean expand, Interpolation interpolation) {
    /** The reference's defaults: expand, bilinear. */
    public static final Rotate DEFAULTS = new Rotate(true, Interpolation.BILINEAR);

    /**
     * A copy with {@code expand} changed.
     *
     * @param expand {@code true} to grow the result to hold the whole rotated image, {@code false} to keep
     *     the source's size
     * @return a new {@code Rotate} with the other component of this one
     */
    public Rotate withExpand(boolean expand) {
      return new Rotate(expand, interpolation);
    }

    /**
     * A copy with {@code interpolation} changed.
     *
     * @param interpolation the sampler for angles that are not multiples of 90°
     * @return a new {@code Rotate} with the other component of this one
     */
    public Rotate withInterpolation(Interpolation interpolation) {
      return new Rotate(expand, interpolation);
    }
  }

  /**
   * Options of {@link Transform#zoom(Image, float, Zoom)}: the point the zoom centres on and the sampler.
   *
   * <pre>{@code
   * Transform.zoom(img, 3, Transform.Zoom.DEFAULTS.withCenter(100, 80));   // 3× around pixel (100, 80)
   * }</pre>
   *
   * @param centerX the centre's x in source pixels, or {@link #IMAGE_CENTER} (the default) for
   *     {@code W/2}; clamped to {@code [0, W − 1]}; infinities are refused
   * @param centerY the centre's y in source pixels, or {@link #IMAGE_CENTER} for {@code H/2}; clamped to
   *     {@code [0, H − 1]}; infinities are refused
   * @param interpolation the sampler; bilinear by default
   */
  public record Zoom(float centerX, float centerY, Interpolation interpolation) {
    /** The value of {@code centerX} / {@code centerY} that means the image's centre on that axis (NaN). */
    public static final float IMAGE_CENTER = Float.NaN;

    /** The reference's defaults: the image's centre, bilinear. */
    public static final Zoom DEFAULTS = new Zoom(IMAGE_CENTER, IMAGE_CENTER, Interpolation.BILINEAR);

    /**
     * A copy centred on source pixel coordinates {@code (x, y)}.
     *
     * @param x the centre's x in source pixels, finite (clamped to {@code [0, W − 1]})
     * @param y the centre's y in source pixels, finite (clamped to {@code [0, H − 1]})
     * @return a new {@code Zoom} with the interpolation of this one
     */
    public Zoom withCenter(float x, float y) {
      return new Zoom(x, y, interpolation);
    }

    /**
     * A copy with {@code centerX} changed.
     *
     * @param x the centre's x in source pixels, finite, or {@link #IMAGE_CENTER} for {@code W/2}
     * @return a new {@code Zoom} with the other components of this one
     */
    public Zoom withCenterX(float x) {
      return new Zoom(x, centerY, interpolation);
    }

    /**
     * A copy with {@code centerY} changed.
     *
     * @param y the centre's y in source pixels, finite, or {@link #IMAGE_CENTER} for {@code H/2}
     * @return a new {@code Zoom} with the other components of this one
     */
    public Zoom withCenterY(float y) {
      return new Zoom(centerX, y, interpolation);
    }

    /** {@return a copy centred on the image's centre {@code (W/2, H/2)}, with this one's interpolation} */
    public Zoom withImageCenter() {
      return new Zoom(IMAGE_CENTER, IMAGE_CENTER, interpolation);
    }

    /**
     * A copy with {@code interpolation} changed.
     *
     * @param interpolation the sampler
     * @return a new {@code Zoom} with the centre of this one
     */
    public Zoom withInterpolation(Interpolation interpolation) {
      return new Zoom(centerX, centerY, interpolation);
    }
  }

  // ---------------------------------------------------------------- flip

  /**
   * {@link #flip(Image, FlipDirection)} left ↔ right.
   *
   * @param image the source, unchanged
   * @return a new {@code W × H} image on {@code image}'s backend, which the caller closes
   */
  public static Image flip(Image image) {
    return flip(image, FlipDirection.HORIZONTAL);
  }

  /**
   * Mirrors {@code image}: horizontal {@code dst(x, y) = src(W − 1 − x, y)}, vertical
   * {@code src(x, H − 1 − y)}, both {@code src(W − 1 − x, H − 1 − y)}. Exact: no pixel is interpolated.
   *
   * @param image the source, unchanged
   * @param direction the axis
   * @return a new {@code W × H} image on {@code image}'s backend, which the caller closes
   */
  public static Image flip(Image image, FlipDirection direction) {
    String op = "Transform.flip";
    Check.usable(op, "image", image);
    Check.notNull(op, "direction", direction);
    Image dst = Image.forResult(image.width(), image.height(), image.backend());
    runFlip(dst, image, direction);
    return dst;
  }

  /**
   * {@link #flipInto(Image, Image, FlipDirection)} left ↔ right.
   *
   * @param dst receives the result; same backend as {@code image}, not {@code image}
   * @param image the source, unchanged
   */
  public static void flipInto(Image dst, Image image) {
    flipInto(dst, image, FlipDirection.HORIZONTAL);
  }

  /**
   * {@link #flip(Image, FlipDirection)} into {@code dst}, whose logical size becomes {@code W × H}.
   *
   * @param dst receives the result; same backend as {@code image}, not {@code image}
   * @param image the source, unchanged
   * @param direction the axis
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if {@code dst == image} or they are on different backends
   */
  public static void flipInto(Image dst, Image image, FlipDirection direction) {
    String op = "Transform.flipInto";
    checkInto(op, dst, image);
    Check.notNull(op, "direction", direction);
    Check.resizeFor(op, "dst", dst, image.width(), image.height());
    runFlip(dst, image, direction);
  }

  private static void runFlip(Image dst, Image image, FlipDirection direction) {
    try (Use u = Use.of("Transform.flip", dst, image)) {
      image.backendImpl().transform().flip(dst.storage(), image.storage(), image.width(), image.height(), direction);
    }
  }

  // ---------------------------------------------------------------- rotate

  /**
   * {@link #rotate(Image, float, Rotate)} with {@link Rotate#DEFAULTS}: expanded, bilinear.
   *
   * @param image the source, unchanged
   * @param angle degrees, positive clockwise, any finite value
   * @return a new image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code angle} is NaN or infinite, or the expanded size exceeds
   *     32768 on a side
   */
  public static Image rotate(Image image, float angle) {
    return rotate(image, angle, Rotate.DEFAULTS);
  }

  /**
   * Rotates {@code image} clockwise by {@code angle} degrees about its centre.
   *
   * <p>Angles within {@link #SNAP_DEGREES} of a multiple of 90° (after reduction to [0, 360)) are exact:
   * ~0° is a copy of the source's size, whatever {@code expand}; ~90°, ~180°, ~270° move pixels without
   * interpolation ({@code H × W} for 90° and 270°). Any other angle maps each output pixel back into the
   * source (about the centres {@code (n/2 − 0.5)} of both images) and samples it with
   * {@code options.interpolation()}; points outside the source are transparent black, with hard edges.
   *
   * <p>Size: with {@code expand}, {@code trunc(W·|cos a| + H·|sin a|) × trunc(W·|sin a| + H·|cos a|)}
   * (truncated, so up to one pixel of the rotated corners may be cut, as in the reference); without, the
   * source's {@code W × H}, corners cut (a 90° or 270° turn of a non-square image is then centred with
   * floor division, up to half a pixel toward the top-left).
   *
   * @param image the source, unchanged
   * @param angle degrees, positive clockwise, any finite value
   * @param options whether to expand, and the sampler
   * @return a new image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code angle} is NaN or infinite, or the expanded size exceeds
   *     32768 on a side
   */
  public static Image rotate(Image image, float angle, Rotate options) {
    String op = "Transform.rotate";
    Check.usable(op, "image", image);
    RotatePlan plan = rotatePlan(op, image.width(), image.height(), angle, options);
    Image dst = Image.forResult(plan.width, plan.height, image.backend());
    runRotate(dst, image, plan, options.interpolation());
    return dst;
  }

  /**
   * {@link #rotateInto(Image, Image, float, Rotate)} with {@link Rotate#DEFAULTS}: expanded, bilinear.
   *
   * @param dst receives the result; same backend as {@code image}, not {@code image}
   * @param image the source, unchanged
   * @param angle degrees, positive clockwise, any finite value
   */
  public static void rotateInto(Image dst, Image image, float angle) {
    rotateInto(dst, image, angle, Rotate.DEFAULTS);
  }

  /**
   * {@link #rotate(Image, float, Rotate)} into {@code dst}, whose logical size becomes the result's.
   *
   * @param dst receives the result; same backend as {@code image}, not {@code image}
   * @param image the source, unchanged
   * @param angle degrees, positive clockwise, any finite value
   * @param options whether to expand, and the sampler
   * @throws CapacityExceededException if {@code dst} is too small
   * @throws IllegalArgumentException if {@code angle} is NaN or infinite, the expanded size exceeds 32768
   *     on a side, {@code dst == image}, or they are on different backends
   */
  public static void rotateInto(Image dst, Image image, float angle, Rotate options) {
    String op = "Transform.rotateInto";
    checkInto(op, dst, image);
    RotatePlan plan = rotatePlan(op, image.width(), image.height(), angle, options);
    Check.resizeFor(op, "dst", dst, plan.width, plan.height);
    runRotate(dst, image, plan, options.interpolation());
  }

  /**
   * What a rotation does: the output size, whether it is a copy, the quarter turns (1..3) and their
   * offset, or (quarterTurns 0) the float cosine and sine of the angle.
   */
  record RotatePlan(int width, int height, boolean copy, int quarterTurns, int offsetX, int offsetY,
      float cos, float sin) {
  }

  /** The plan of rotating a {@code w × h} image; package-private for the size-limit test. */
  static RotatePlan rotatePlan(String op, int w, int h, float angle, Rotate options) {
    Check.notNull(op, "options", options);
    Check.notNull(op, "options.interpolation", options.interpolation());
    Check.finite(op, "angle", angle);
    double n = angle % 360.0;
    if (n < 0) {
      n += 360.0;
    }
    if (n < SNAP_DEGREES || 360.0 - n < SNAP_DEGREES) {
      return new RotatePlan(w, h, true, 0, 0, 0, 1, 0);
    }
    int turns = Math.abs(n - 90) < SNAP_DEGREES ? 1 : Math.abs(n - 180) < SNAP_DEGREES ? 2
        : Math.abs(n - 270) < SNAP_DEGREES ? 3 : 0;
    int rotW;
    int rotH;
    if (turns != 0) {
      rotW = turns == 2 ? w : h;
      rotH = turns == 2 ? h : w;
    } else {
      double rads = Math.toRadians(angle);
      double sin = Math.abs(Math.sin(rads));
      double cos = Math.abs(Math.cos(rads));
      rotW = (int) (w * cos + h * sin);
      rotH = (int) (w * sin + h * cos);
    }
    boolean expand = options.expand();
    int outW = expand ? rotW : w;
    int outH = expand ? rotH : h;
    if (outW > ImageBase.MAX_SIDE || outH > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException(String.format("%s: the rotated image would be %dx%d; sides must be at "
          + "most %d (rotate without expand)", op, outW, outH, ImageBase.MAX_SIDE));
    }
    int offX = expand ? 0 : Math.floorDiv(w - rotW, 2);
    int offY = expand ? 0 : Math.floorDiv(h - rotH, 2);
    // The reference's host code: theta in float from the caller's angle, not from its reduction mod 360.
    float theta = angle * (3.14159265359f / 180.0f);
    return new RotatePlan(outW, outH, false, turns, offX, offY, (float) Math.cos(theta), (float) Math.sin(theta));
  }

  private static void runRotate(Image dst, Image image, RotatePlan plan, Interpolation interpolation) {
    if (plan.copy) {
      try (Use u = Use.of("Transform.rotate", dst, image)) {
        image.backendImpl().copy(dst.storage(), image.storage(), image.byteSize());
      }
      return;
    }
    try (Use u = Use.of("Transform.rotate", dst, image)) {
      image.backendImpl().transform().rotate(dst.storage(), plan.width, plan.height, image.storage(), image.width(),
          image.height(), plan.quarterTurns, plan.offsetX, plan.offsetY, plan.cos, plan.sin, interpolation);
    }
  }

  // ---------------------------------------------------------------- crop

  /**
   * Cuts the {@code width × height} rectangle whose top-left corner is source pixel {@code (x, y)}:
   * {@code dst(i, j) = src(x + i, y + j)}. The rectangle may lie partly or wholly outside the source;
   * what falls outside is transparent black {@code (0, 0, 0, 0)}.
   *
   * @param image the source, unchanged
   * @param x the left column, any value (negative: transparent columns on the left)
   * @param y the top row, any value
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @return a new {@code width × height} image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768 ("must be positive")
   */
  public static Image crop(Image image, int x, int y, int width, int height) {
    String op = "Transform.crop";
    Check.usable(op, "image", image);
    checkCrop(op, width, height);
    Image dst = Image.forResult(width, height, image.backend());
    runCrop(dst, image, x, y);
    return dst;
  }

  /**
   * {@link #crop(Image, int, int, int, int)} into {@code dst}, whose logical size becomes
   * {@code width × height}.
   *
   * @param dst receives the result; same backend as {@code image}, not {@code image}
   * @param image the source, unchanged
   * @param x the left column, any value (negative: transparent columns on the left)
   * @param y the top row, any value
   * @param width the result's width, 1..32768
   * @param height the result's height, 1..32768
   * @throws CapacityExceededException if {@code dst} holds fewer than {@code width·height} pixels
   * @throws IllegalArgumentException if a side is not in 1..32768, {@code dst == image}, or they are on
   *     different backends
   */
  public static void cropInto(Image dst, Image image, int x, int y, int width, int height) {
    String op = "Transform.cropInto";
    checkInto(op, dst, image);
    checkCrop(op, width, height);
    Check.resizeFor(op, "dst", dst, width, height);
    runCrop(dst, image, x, y);
  }

  private static void checkCrop(String op, int width, int height) {
    Check.side(op, "width", width);
    Check.side(op, "height", height);
  }

  private static void runCrop(Image dst, Image image, int x, int y) {
    int w = dst.width();
    int h = dst.height();
    if (x == 0 && y == 0 && w == image.width() && h == image.height()) {
      try (Use u = Use.of("Transform.crop", dst, image)) {
        image.backendImpl().copy(dst.storage(), image.storage(), image.byteSize());
      }
      return;
    }
    try (Use u = Use.of("Transform.crop", dst, image)) {
      image.backendImpl().transform().crop(dst.storage(), w, h, image.storage(), image.width(), image.height(), x, y);
    }
  }

  // ---------------------------------------------------------------- zoom

  /**
   * {@link #zoom(Image, float, Zoom)} around the image's centre, bilinear.
   *
   * @param image the source, unchanged
   * @param zoomFactor the magnification, {@code > 0} and finite (2: twice as large; 0.5: half)
   * @return a new {@code W × H} image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code zoomFactor} is not positive or not finite
   */
  public static Image zoom(Image image, float zoomFactor) {
    return zoom(image, zoomFactor, Zoom.DEFAULTS);
  }

  /**
   * Magnifies ({@code zoomFactor > 1}) or shrinks ({@code < 1}) {@code image} about a centre, keeping its
   * size {@code W × H}. The output shows the source viewport {@code vw × vh = W/z × H/z} whose centre is
   * {@code (cx, cy)} (the image's centre by default, clamped to the image); output pixel {@code (x, y)}
   * samples the source at {@code (cx − vw/2 + (x/W)·vw, cy − vh/2 + (y/H)·vh)}, a corner-aligned mapping
   * as in the reference. Points outside {@code [0, W) × [0, H)} are transparent black, so zooming out
   * leaves transparent margins. Zoom 1 about the default centre is the identity (for W, H ≥ 2).
   *
   * @param image the source, unchanged
   * @param zoomFactor the magnification, {@code > 0} and finite (2: twice as large; 0.5: half)
   * @param options the centre and the sampler
   * @return a new {@code W × H} image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if {@code zoomFactor} is not positive or not finite, or a centre is
   *     infinite
   */
  public static Image zoom(Image image, float zoomFactor, Zoom options) {
    String op = "Transform.zoom";
    Check.usable(op, "image", image);
    checkZoom(op, zoomFactor, options);
    Image dst = Image.forResult(image.width(), image.height(), image.backend());
    runZoom(dst, image, zoomFactor, options);
    return dst;
  }

  /**
   * {@link #zoomInto(Image, Image, float, Zoom)} around the image's centre, bilinear.
   *
   * @param dst receives the result at its current logical size; same backend as {@code image}, not
   *     {@code image}
   * @param image the source, unchanged
   * @param zoomFactor the magnification, {@code > 0} and finite
   */
  public static void zoomInto(Image dst, Image image, float zoomFactor) {
    zoomInto(dst, image, zoomFactor, Zoom.DEFAULTS);
  }

  /**
   * {@link #zoom(Image, float, Zoom)} into {@code dst} <b>at {@code dst}'s current logical size</b>, which
   * this method does not change (the reference's exception among producers): the viewport is
   * {@code dst.width()/z × dst.height()/z} source pixels, and output pixel {@code (x, y)} samples
   * {@code (cx − vw/2 + (x/dst.width())·vw, ...)}. A {@code dst} of another shape than the source
   * therefore shows a viewport of that shape.
   *
   * @param dst receives the result at its current logical size, which is kept; same backend as
   *     {@code image}, not {@code image}
   * @param image the source, unchanged
   * @param zoomFactor the magnification, {@code > 0} and finite
   * @param options the centre and the sampler
   * @throws IllegalArgumentException if {@code zoomFactor} is not positive or not finite, a centre is
   *     infinite, {@code dst == image}, or they are on different backends
   */
  public static void zoomInto(Image dst, Image image, float zoomFactor, Zoom options) {
    String op = "Transform.zoomInto";
    checkInto(op, dst, image);
    checkZoom(op, zoomFactor, options);
    runZoom(dst, image, zoomFactor, options);
  }

  private static void checkZoom(String op, float zoomFactor, Zoom options) {
    Check.positive(op, "zoomFactor", zoomFactor);
    Check.finite(op, "zoomFactor", zoomFactor);
    Check.notNull(op, "options", options);
    if (!Float.isNaN(options.centerX())) {
      Check.finite(op, "options.centerX", options.centerX());
    }
    if (!Float.isNaN(options.centerY())) {
      Check.finite(op, "options.centerY", options.centerY());
    }
    Check.notNull(op, "options.interpolation", options.interpolation());
  }

  private static void runZoom(Image dst, Image image, float zoomFactor, Zoom options) {
    int w = image.width();
    int h = image.height();
    // As the reference's host code: the centre in double (W/2 by default), clamped, then to float.
    float cx = (float) clamp(Float.isNaN(options.centerX()) ? w / 2.0 : options.centerX(), w - 1);
    float cy = (float) clamp(Float.isNaN(options.centerY()) ? h / 2.0 : options.centerY(), h - 1);
    int dw = dst.width();
    int dh = dst.height();
    float viewW = (float) dw / zoomFactor;
    float viewH = (float) dh / zoomFactor;
    try (Use u = Use.of("Transform.zoom", dst, image)) {
      image.backendImpl().transform().zoom(dst.storage(), dw, dh, image.storage(), w, h, cx - viewW * 0.5f,
          cy - viewH * 0.5f, viewW, viewH, options.interpolation());
    }
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(v, max));
  }

  // ---------------------------------------------------------------- shared

  private static void checkInto(String op, Image dst, Image image) {
    Check.sameBackend(op, new String[] {"dst", "image"}, dst, image);
    Check.notAliased(op, "dst", dst, "image", image);
  }
}
