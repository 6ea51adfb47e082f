package io.jimagecuda;

import io.jimagecuda.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * Effects on an image's shape and edges: rounded corners and a vignette in place, and a stroke (outline)
 * that makes a new image, possibly larger than the source.
 *
 * <pre>{@code
 * Effect.roundedCorners(img, 40);                                     // transparent rounded corners
 * Effect.vignette(img, Effect.Vignette.DEFAULTS.withRadius(0.7f));    // darker towards the corners
 * try (Image outlined = Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(8).withColor(Rgba.WHITE))) {
 *   ...                                                               // img plus 8 px on every side
 * }
 * }</pre>
 *
 * <p><b>Coordinates.</b> Pixel {@code (x, y)} has integer coordinates, x to the right and y downwards from
 * the top-left pixel. Rounded corners work in pixel-centre coordinates {@code (x + ½, y + ½)}, the
 * vignette and the stroke in pixel-index coordinates.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4, including its stroke by jump
 * flooding; the places where JImageCUDA does better (1-pixel images and a zero-width edge in the vignette)
 * are listed in {@code docs/deviations.md}. The CPU and CUDA backends give the same values to within 1e-4
 * (bit for bit in practice).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image, options record,
 * colour or position, {@link IllegalStateException} if an image was freed, and
 * {@link IllegalArgumentException} for the out-of-range parameters it names, NaN or infinite float
 * parameters ("must be a finite number"), images of different backends and refused aliasing. All checks
 * run before any pixel changes, also when the call would change nothing.
 */
public final class Effect {
  /** Widest stroke, in pixels. */
  public static final int MAX_STROKE_WIDTH = 1000;

  private Effect() {
  }

  /**
   * Options of {@link #vignette(Image, Vignette)}. Immutable; build from {@link #DEFAULTS} with the
   * {@code with} methods. Not validated here: {@code vignette} checks them.
   *
   * @param radius where the darkening is half done, in units of the half-diagonal-per-axis distance
   *     {@code d} (0 at the centre, 1 at the edge midpoints, √2 in the corners); finite, negative means 0
   * @param softness width of the transition around {@code radius}; finite, negative means 0 (a hard edge)
   * @param color the colour mixed in; its alpha scales the strength
   */
  public record Vignette(float radius, float softness, Rgba color) {
    /** Radius 0.9, softness 1, opaque black (the reference's defaults). */
    public static final Vignette DEFAULTS = new Vignette(0.9f, 1f, Rgba.BLACK);

    /**
     * A copy with {@code radius} changed.
     *
     * @param radius where the darkening is half done, in units of {@code d}; finite, negative means 0
     * @return a new {@code Vignette} with the other components of this one
     */
    public Vignette withRadius(float radius) {
      return new Vignette(radius, softness, color);
    }

    /**
     * A copy with {@code softness} changed.
     *
     * @param softness width of the transition around {@code radius}; finite, negative means 0 (a hard edge)
     * @return a new {@code Vignette} with the other components of this one
     */
    public Vignette withSoftness(float softness) {
      return new Vignette(radius, softness, color);
    }

    /**
     * A copy with {@code color} changed.
     *
     * @param color the colour mixed in; its alpha scales the strength
     * @return a new {@code Vignette} with the other components of this one
     */
    public Vignette withColor(Rgba color) {
      return new Vignette(radius, softness, color);
    }
  }

  /**
   * Options of {@link #stroke(Image, Stroke)} and {@link #strokeInto(Image, Image, Stroke)}. Immutable;
   * build from {@link #DEFAULTS} with the {@code with} methods. Not validated here: the stroke checks them.
   *
   * @param width stroke width in pixels, 1..{@value Effect#MAX_STROKE_WIDTH}
   * @param color the stroke colour; its alpha scales the stroke's opacity
   * @param position outside the shape (under it) or inside (over its outer band)
   * @param expand with {@link StrokePosition#OUTSIDE}, grow the canvas by {@code width} on every side so
   *     the stroke is not clipped; ignored inside
   * @param distance scratch for the nearest-seed field, at least the result's pixel count in capacity
   *     (resized to the result's size; its content afterwards is unspecified), or {@code null} to have
   *     one allocated and freed inside the call
   */
  public record Stroke(int width, Rgba color, StrokePosition position, boolean expand,
      @Nullable Image distance) {
    /** Width 2, opaque black, outside, expanding, no scratch buffer (the reference's defaults). */
    public static final Stroke DEFAULTS = new Stroke(2, Rgba.BLACK, StrokePosition.OUTSIDE, true, null);

    /**
     * A copy with {@code width} changed.
     *
     * @param width stroke width in pixels, 1..{@value Effect#MAX_STROKE_WIDTH}
     * @return a new {@code Stroke} with the other components of this one
     */
    public Stroke withWidth(int width) {
      return new Stroke(width, color, position, expand, distance);
    }

    /**
     * A copy with {@code color} changed.
     *
     * @param color the stroke colour; its alpha scales the stroke's opacity
     * @return a new {@code Stroke} with the other components of this one
     */
    public Stroke withColor(Rgba color) {
      return new Stroke(width, color, position, expand, distance);
    }

    /**
     * A copy with {@code position} changed.
     *
     * @param position outside the shape (under it) or inside (over its outer band)
     * @return a new {@code Stroke} with the other components of this one
     */
    public Stroke withPosition(StrokePosition position) {
      return new Stroke(width, color, position, expand, distance);
    }

    /**
     * A copy with {@code expand} changed.
     *
     * @param expand with {@link StrokePosition#OUTSIDE}, grow the canvas by {@code width} on every side; ignored
     *     inside
     * @return a new {@code Stroke} with the other components of this one
     */
    public Stroke withExpand(boolean expand) {
      return new Stroke(width, color, position, expand, distance);
    }

    /**
     * A copy with the scratch buffer {@code distance} changed.
     *
     * @param distance scratch for the nearest-seed field, on the source's backend, neither the source nor
     *     the destination; resized to the result's size; {@code null}: one is allocated per call
     * @return a new {@code Stroke} with the other components of this one
     */
    public Stroke withDistance(@Nullable Image distance) {
      return new Stroke(width, color, position, expand, distance);
    }
  }

  /**
   * Makes the four corners transparent outside a quarter circle of {@code radius}, in place: only the
   * alpha of pixels in the {@code radius × radius} corner squares changes, the colour stays (also where
   * alpha becomes 0). With {@code p} the pixel centre and {@code c} the corner's circle centre,
   * {@code a ← a·smoothstep(0, 1, r − |p − c|)}: 0 on the arc, 1 one pixel inside it, so the antialiased
   * edge lies just inside the arc.
   *
   * @param image modified in place
   * @param radius corner radius in pixels, {@code ≥ 0}; 0 changes nothing; above {@code min(W, H)/2} it is
   *     taken as {@code min(W, H)/2} (a fully round short side)
   * @throws IllegalArgumentException if {@code radius} is negative ("non-negative"), NaN or infinite
   */
  public static void roundedCorners(Image image, float radius) {
    String op = "Effect.roundedCorners";
    Check.usable(op, "image", image);
    Check.nonNegative(op, "radius", radius);
    if (radius == 0f) {
      return;
    }
    float r = Math.min(radius, Math.min((float) image.width(), (float) image.height()) / 2f);
    image.backendImpl().effect().roundedCorners(image.storage(), image.width(), image.height(), r);
  }

  /**
   * Darkens (or tints) the image towards its corners, in place; alpha is not changed. With
   * {@code u = 2x/(W − 1) − 1}, {@code v = 2y/(H − 1) − 1} (0 at a 1-pixel side) and
   * {@code d = √(u² + v²)}, the strength {@code s} is 0 up to {@code radius − softness/2}, 1 from
   * {@code radius + softness/2} and a smoothstep between; each colour channel becomes
   * {@code c·(1 − m) + color.c·m} with {@code m = s·color.a}. Elliptical on non-square images. Pixels with
   * {@code s = 0} are left exactly as they were.
   *
   * @param image modified in place
   * @param options radius, softness and colour ({@link Vignette#DEFAULTS}: 0.9, 1, opaque black)
   * @throws IllegalArgumentException if {@code radius} or {@code softness} is NaN or infinite
   */
  public static void vignette(Image image, Vignette options) {
    String op = "Effect.vignette";
    Check.usable(op, "image", image);
    Check.notNull(op, "options", options);
    Check.finite(op, "radius", options.radius());
    Check.finite(op, "softness", options.softness());
    Check.color(op, "color", options.color());
    image.backendImpl().effect().vignette(image.storage(), image.width(), image.height(),
        Math.max(0f, options.radius()), Math.max(0f, options.softness()), options.color());
  }

  /**
   * {@link #vignette(Image, Vignette)} with radius 0.9, softness 1 and opaque black.
   *
   * @param image modified in place
   */
  public static void vignette(Image image) {
    vignette(image, Vignette.DEFAULTS);
  }

  /**
   * Draws an outline of the image's shape (its pixels with alpha {@code > 0}) and returns it as a new
   * image on the image's backend, which the caller closes. The source is not changed.
   *
   * <p><b>Size.</b> {@link StrokePosition#OUTSIDE} with {@code expand}: {@code (W + 2·width) × (H + 2·width)}
   * with the image at {@code (width, width)}; otherwise {@code W × H}.
   *
   * <p><b>Shape.</b> The seeds are the shape's boundary pixels: alpha {@code > 0} (however faint) with at
   * least one of the 8 neighbours at alpha {@code ≤ 0} or outside the image; a fully opaque image has
   * its outermost ring as seeds, an image without seeds gets no stroke. Each canvas pixel finds a near
   * seed by jump flooding (passes of step {@code 2^(K−1) … 1} and one more of 1,
   * {@code K = ⌊log2 max(oW, oH)⌋}, as the reference does; it can miss the nearest seed by a fraction of a
   * pixel at a few places, see {@code docs/deviations.md}). At distance {@code d} from its seed's centre
   * the stroke's coverage is {@code f = min(1, width − d)} for {@code d ≤ width}, else 0.
   *
   * <p><b>Composite</b> (premultiplied inside, straight result). Outside: the source over the stroke,
   * {@code P.rgb = S.rgb·S.a + color.rgb·k·(1 − S.a)}, {@code P.a = S.a + k·(1 − S.a)} with
   * {@code k = color.a·f}. Inside: {@code P.rgb = (color.rgb·m + S.rgb·(1 − m))·S.a}, {@code P.a = S.a}
   * with {@code m = color.a·f}, so transparent pixels stay transparent. The result is
   * {@code (P.rgb / P.a, P.a)}, or {@code (0, 0, 0, 0)} where {@code P.a ≤ 1e-4}.
   *
   * @param image the source, not changed
   * @param options width, colour, position, expand and the scratch buffer ({@link Stroke#DEFAULTS}: 2,
   *     opaque black, outside, expanding)
   * @return a new image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if the width is not in 1..1000 ("Invalid stroke width"), the result
   *     would exceed 32768 pixels on a side, the distance buffer is the image itself or on another backend
   * @throws CapacityExceededException if the distance buffer is too small for the result
   */
  public static Image stroke(Image image, Stroke options) {
    String op = "Effect.stroke";
    Check.usable(op, "image", image);
    int[] canvas = canvas(op, image, options);
    sizeDistance(op, image, null, options.distance(), canvas);
    Image dst = new Image(canvas[0], canvas[1], image.backend());
    try {
      run(dst, image, options, canvas);
    } catch (RuntimeException | Error e) {
      dst.free();
      throw e;
    }
    return dst;
  }

  /**
   * {@link #stroke(Image, Stroke)} 2 pixels wide, opaque black, outside, expanding.
   *
   * @param image the source, not changed
   * @return a new {@code (W + 4) × (H + 4)} image on {@code image}'s backend, which the caller closes
   * @throws IllegalArgumentException if the result would exceed 32768 pixels on a side
   */
  public static Image stroke(Image image) {
    return stroke(image, Stroke.DEFAULTS);
  }

  /**
   * {@link #stroke(Image, Stroke)} into {@code dst}, whose logical size is first set to the result's.
   *
   * @param dst receives the result; a different image from {@code image} on the same backend
   * @param image the source, not changed
   * @param options width, colour, position, expand and the scratch buffer; see {@link Stroke}
   * @throws IllegalArgumentException as {@link #stroke(Image, Stroke)}, or if {@code dst} is
   *     {@code image}, or the distance buffer is {@code dst}
   * @throws CapacityExceededException if {@code dst} or the distance buffer is too small for the result
   */
  public static void strokeInto(Image dst, Image image, Stroke options) {
    String op = "Effect.strokeInto";
    Check.sameBackend(op, new String[] {"dst", "image"}, dst, image);
    Check.notAliased(op, "dst", dst, "image", image);
    int[] canvas = canvas(op, image, options);
    sizeDistance(op, image, dst, options.distance(), canvas);
    Check.resizeFor(op, "dst", dst, canvas[0], canvas[1]);
    run(dst, image, options, canvas);
  }

  /**
   * {@link #strokeInto(Image, Image, Stroke)} 2 pixels wide, opaque black, outside, expanding.
   *
   * @param dst receives the result, {@code (W + 4) × (H + 4)}; a different image from {@code image} on the
   *     same backend
   * @param image the source, not changed
   * @throws IllegalArgumentException if {@code dst} is {@code image}, they are on different backends, or
   *     the result would exceed 32768 pixels on a side
   * @throws CapacityExceededException if {@code dst} is too small for the result
   */
  public static void strokeInto(Image dst, Image image) {
    strokeInto(dst, image, Stroke.DEFAULTS);
  }

  /** Validates the options; returns the canvas {@code {width, height, offset}}. */
  private static int[] canvas(String op, Image image, Stroke options) {
    Check.notNull(op, "options", options);
    Check.range(op, "Invalid stroke width", "width", options.width(), 1, MAX_STROKE_WIDTH);
    Check.color(op, "color", options.color());
    Check.notNull(op, "position", options.position());
    int pad = options.position() == StrokePosition.OUTSIDE && options.expand() ? options.width() : 0;
    long width = image.width() + 2L * pad;
    long height = image.height() + 2L * pad;
    Check.resultSize(op, width, height);
    return new int[] {(int) width, (int) height, pad};
  }

  /**
   * Checks a supplied distance buffer (usable, same backend, neither the source nor dst) and sets its
   * logical size to the canvas, before dst is sized or allocated: a too small one leaves dst alone.
   */
  private static void sizeDistance(String op, Image image, @Nullable Image dst, @Nullable Image distance,
      int[] canvas) {
    if (distance == null) {
      return;
    }
    Check.sameBackend(op, new String[] {"image", "distance"}, image, distance);
    Check.notAliased(op, "image", image, "distance", distance);
    if (dst != null) {
      Check.notAliased(op, "dst", dst, "distance", distance);
    }
    Check.resizeFor(op, "distance", distance, canvas[0], canvas[1]);
  }

  /** Runs the stroke into {@code dst}, both buffers already sized; allocates and frees a missing scratch. */
  private static void run(Image dst, Image image, Stroke options, int[] canvas) {
    int ow = canvas[0];
    int oh = canvas[1];
    Image distance = options.distance();
    // An own scratch needs 8 bytes per canvas pixel (two planes of 32-bit seed codes): half the rows.
    Image scratch = distance != null ? distance : new Image(ow, (oh + 1) / 2, image.backend());
    try {
      image.backendImpl().effect().stroke(dst.storage(), ow, oh, image.storage(), image.width(), image.height(),
          scratch.storage(), canvas[2], canvas[2], options.width(), options.color(), options.position());
    } finally {
      if (distance == null) {
        scratch.free();
      }
    }
  }
}
