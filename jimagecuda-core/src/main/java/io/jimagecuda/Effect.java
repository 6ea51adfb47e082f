package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.backend.GaussianWeights;
import org.jspecify.annotations.Nullable;

/**
 * Effects on an image's shape and edges: rounded corners, a vignette and a chroma key in place, and a
 * stroke (outline) and a drop shadow that make a new image, possibly larger than the source.
 *
 * <pre>{@code
 * Effect.roundedCorners(img, 40);                                     // transparent rounded corners
 * Effect.vignette(img, Effect.Vignette.DEFAULTS.withRadius(0.7f));    // darker towards the corners
 * Effect.chromaKey(greenScreen);                                      // green becomes transparent
 * try (Image outlined = Effect.stroke(img, Effect.Stroke.DEFAULTS.withWidth(8).withColor(Rgba.WHITE));
 *      Image shadowed = Effect.dropShadow(img, Effect.DropShadow.DEFAULTS.withOffset(6, 8).withBlur(12))) {
 *   ...                                                               // img plus 8 px on every side; img
 * }                                                                   // over its shadow, on a larger canvas
 * }</pre>
 *
 * <p><b>Coordinates.</b> Pixel {@code (x, y)} has integer coordinates, x to the right and y downwards from
 * the top-left pixel. Rounded corners work in pixel-centre coordinates {@code (x + ½, y + ½)}, the
 * vignette, the stroke and the shadow in pixel-index coordinates.
 *
 * <p><b>Compatibility.</b> The formulas are those of PyImageCUDA 0.1.4, including its stroke by jump
 * flooding; the places where JImageCUDA does better (1-pixel images and a zero-width edge in the vignette,
 * the colour of a coloured shadow, greys in the chroma key) are listed in {@code docs/deviations.md}. The
 * CPU and CUDA backends give the same values to within 1e-4 (bit for bit in practice).
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image, options record,
 * colour or position, {@link IllegalStateException} if an image was freed, and
 * {@link IllegalArgumentException} for the out-of-range parameters it names, NaN or infinite float
 * parameters ("must be a finite number"), images of different backends and refused aliasing. All checks
 * run before any pixel changes, also when the call would change nothing.
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Effect {
  /** Widest stroke, in pixels. */
  public static final int MAX_STROKE_WIDTH = 1000;
  /** Largest drop-shadow blur radius, in pixels (the blur's {@link Filter#MAX_RADIUS}). */
  public static final int MAX_SHADOW_BLUR = Filter.MAX_RADIUS;
  /** A chroma-key threshold below this keys nothing: the call returns after validation, as the reference does. */
  public static final float MIN_CHROMA_THRESHOLD = 1e-6f;

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
   * Options of {@link #chromaKey(Image, ChromaKey)}. Immutable; build from {@link #DEFAULTS} with the
   * {@code with} methods. Not validated here: {@code chromaKey} checks them.
   *
   * <pre>{@code
   * Effect.chromaKey(img, Effect.ChromaKey.DEFAULTS.withKeyColor(0, 0, 1).withThreshold(0.5f));
   * }</pre>
   *
   * @param keyColor the colour to remove; its red, green and blue count, its alpha is ignored (the
   *     reference takes an RGB triple); finite values
   * @param threshold pixels whose HSV distance to the key is below this become (partly) transparent, 0..1;
   *     below {@link Effect#MIN_CHROMA_THRESHOLD} nothing changes
   * @param smoothness width of the soft edge just below {@code threshold}, 0..1; up to 1e-4 the edge is hard
   * @param spillSuppression how much of the key colour is taken out of the half-keyed edge pixels, 0..1; up
   *     to 0.001 none
   */
  public record ChromaKey(Rgba keyColor, float threshold, float smoothness, float spillSuppression) {
    /** Key green {@code (0, 1, 0)}, threshold 0.4, smoothness 0.1, spill suppression 0.5 (the reference's defaults). */
    public static final ChromaKey DEFAULTS = new ChromaKey(Rgba.rgb(0, 1, 0), 0.4f, 0.1f, 0.5f);

    /**
     * A copy with {@code keyColor}.
     *
     * @param keyColor the colour keyed out; its alpha is ignored
     * @return the copy
     */
    public ChromaKey withKeyColor(Rgba keyColor) {
      return new ChromaKey(keyColor, threshold, smoothness, spillSuppression);
    }

    /**
     * A copy with the key colour {@code (r, g, b)}.
     *
     * @param r red of the key, 0..1
     * @param g green of the key, 0..1
     * @param b blue of the key, 0..1
     * @return the copy
     */
    public ChromaKey withKeyColor(float r, float g, float b) {
      return withKeyColor(Rgba.rgb(r, g, b));
    }

    /**
     * A copy with {@code threshold}.
     *
     * @param threshold the colour distance keyed out entirely, 0..1
     * @return the copy
     */
    public ChromaKey withThreshold(float threshold) {
      return new ChromaKey(keyColor, threshold, smoothness, spillSuppression);
    }

    /**
     * A copy with {@code smoothness}.
     *
     * @param smoothness width of the soft edge beyond the threshold, 0..1
     * @return the copy
     */
    public ChromaKey withSmoothness(float smoothness) {
      return new ChromaKey(keyColor, threshold, smoothness, spillSuppression);
    }

    /**
     * A copy with {@code spillSuppression}.
     *
     * @param spillSuppression how much of the key colour's cast is removed from the edge, 0..1
     * @return the copy
     */
    public ChromaKey withSpillSuppression(float spillSuppression) {
      return new ChromaKey(keyColor, threshold, smoothness, spillSuppression);
    }
  }

  /**
   * Options of {@link #dropShadow(Image, DropShadow)} and {@link #dropShadowInto(Image, Image, DropShadow)}.
   * Immutable; build from {@link #DEFAULTS} with the {@code with} methods. Not validated here: the shadow
   * checks them.
   *
   * <pre>{@code
   * Effect.dropShadowInto(frame, logo, Effect.DropShadow.DEFAULTS.withOffset(4, 4).withBlur(8)
   *     .withShadow(shadowScratch).withTemp(blurScratch));   // no allocation per frame
   * }</pre>
   *
   * @param offsetX how far the shadow lies to the right of the image (negative: left), any value
   * @param offsetY how far the shadow lies below the image (negative: above), any value
   * @param blur blur radius of the shadow's edge in pixels, 0..{@value Effect#MAX_SHADOW_BLUR} (sigma
   *     {@code blur / 3}; 0 is a hard shadow)
   * @param color the shadow's colour; its alpha scales the shadow's opacity
   * @param expand grow the canvas so that neither the blur nor the offset clips the shadow; otherwise the
   *     result has the image's size and the shadow is clipped
   * @param shadow scratch for the shadow's canvas, its capacity at least the result's pixel count (its
   *     logical size is set to the result's; its content afterwards is unspecified), or {@code null} to
   *     have one allocated and freed inside the call
   * @param temp scratch for the blur's horizontal pass, likewise at least the result's pixel count and
   *     resized to it, or {@code null} (then the backend allocates one if it needs it)
   */
  public record DropShadow(int offsetX, int offsetY, int blur, Rgba color, boolean expand,
      @Nullable Image shadow, @Nullable Image temp) {
    /** Offset (10, 10), blur 20, black at alpha 0.5, expanding, no scratch buffers (the reference's defaults). */
    public static final DropShadow DEFAULTS =
        new DropShadow(10, 10, 20, new Rgba(0, 0, 0, 0.5f), true, null, null);

    /**
     * A copy with the shadow moved by {@code (offsetX, offsetY)} from the image.
     *
     * @param offsetX pixels to the right (negative: left)
     * @param offsetY pixels down (negative: up)
     * @return the copy
     */
    public DropShadow withOffset(int offsetX, int offsetY) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
    }

    /**
     * A copy with {@code blur}.
     *
     * @param blur blur radius in pixels, 0..{@value Effect#MAX_SHADOW_BLUR}
     * @return the copy
     */
    public DropShadow withBlur(int blur) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
    }

    /**
     * A copy with {@code color}.
     *
     * @param color the shadow's colour; its alpha scales the opacity
     * @return the copy
     */
    public DropShadow withColor(Rgba color) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
    }

    /**
     * A copy with {@code expand}.
     *
     * @param expand grow the canvas to fit the shadow, or keep the image's size and clip it
     * @return the copy
     */
    public DropShadow withExpand(boolean expand) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
    }

    /**
     * A copy with the scratch buffer {@code shadow}.
     *
     * @param shadow the shadow canvas scratch, or {@code null} to allocate one per call
     * @return the copy
     */
    public DropShadow withShadow(@Nullable Image shadow) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
    }

    /**
     * A copy with the scratch buffer {@code temp}.
     *
     * @param temp the blur's scratch, or {@code null} to allocate one per call where needed
     * @return the copy
     */
    public DropShadow withTemp(@Nullable Image temp) {
      return new DropShadow(offsetX, offsetY, blur, color, expand, shadow, temp);
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
    try (Use u = Use.of(op, image)) {
      image.backendImpl().effect().roundedCorners(image.storage(), image.width(), image.height(), r);
    }
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
    try (Use u = Use.of(op, image)) {
      image.backendImpl().effect().vignette(image.storage(), image.width(), image.height(),
          Math.max(0f, options.radius()), Math.max(0f, options.softness()), options.color());
    }
  }

  /**
   * {@link #vignette(Image, Vignette)} with radius 0.9, softness 1 and opaque black.
   *
   * @param image modified in place
   */
  public static void vignette(Image image) {
    vignette(image, Vignette.DEFAULTS);
  }

  // ---------------------------------------------------------------- chroma key

  /**
   * {@link #chromaKey(Image, ChromaKey)} with key green, threshold 0.4, smoothness 0.1 and spill 0.5.
   *
   * @param image modified in place
   */
  public static void chromaKey(Image image) {
    chromaKey(image, ChromaKey.DEFAULTS);
  }

  /**
   * Makes the pixels close to a key colour transparent, in place (green-screen removal): only alpha
   * changes, and the colour of half-keyed edge pixels.
   *
   * <p>With {@code (h, s, v)} the HSV of the pixel and {@code (kh, ks, kv)} that of the key (spec §2.2; h
   * in degrees), the distance is {@code D = √(2·dh² + (s − ks)² + ½·(v − kv)²)} with
   * {@code dh = min(|h − kh|, 360 − |h − kh|) / 180}, and {@code dh = 0} when the pixel or the key is a
   * grey ({@code max − min < 1e-5}, which has no hue). D runs from 0 to about 1.87. The key alpha is
   * {@code k = 1} where {@code D ≥ threshold}, else {@code smoothstep(max(0, threshold − smoothness),
   * threshold, D)} (0 with {@code smoothness ≤ 1e-4}). Where {@code 0.1 < k < 0.9} and
   * {@code spillSuppression > 0.001}, some key colour leaves the pixel: {@code c' = max(0, c − key.c·m)}
   * with {@code m = (1 − k)·spillSuppression}, then {@code c ← min(1, c'·L / L')} with {@code L} and
   * {@code L'} the Rec.601 lumas before and after (left alone where {@code L' ≤ 0.001}). Finally
   * {@code a ← a·k}. A threshold below {@link #MIN_CHROMA_THRESHOLD} returns after validation without
   * touching a pixel, as the reference does.
   *
   * <pre>
   *   D:    0 ......... threshold − smoothness ~~~~~ threshold ......... 1.87
   *   k:    0 (keyed)                  smooth edge, spill   1 (kept)
   * </pre>
   *
   * @param image modified in place
   * @param options key colour, threshold, smoothness and spill suppression ({@link ChromaKey#DEFAULTS})
   * @throws IllegalArgumentException if a key colour channel is NaN or infinite, or the threshold,
   *     smoothness or spill suppression is NaN, infinite or outside 0..1
   */
  public static void chromaKey(Image image, ChromaKey options) {
    String op = "Effect.chromaKey";
    Check.usable(op, "image", image);
    Check.notNull(op, "options", options);
    Rgba key = Check.notNull(op, "keyColor", options.keyColor()); // its alpha is ignored, whatever it is
    Check.finite(op, "keyColor red", key.r());
    Check.finite(op, "keyColor green", key.g());
    Check.finite(op, "keyColor blue", key.b());
    Check.unitInterval(op, "threshold", options.threshold());
    Check.unitInterval(op, "smoothness", options.smoothness());
    Check.unitInterval(op, "spillSuppression", options.spillSuppression());
    if (options.threshold() < MIN_CHROMA_THRESHOLD) {
      return;
    }
    try (Use u = Use.of(op, image)) {
      image.backendImpl().effect().chromaKey(image.storage(), image.width(), image.height(), key.r(), key.g(),
          key.b(), options.threshold(), options.smoothness(), options.spillSuppression());
    }
  }

  // ---------------------------------------------------------------- drop shadow

  /**
   * {@link #dropShadow(Image, DropShadow)} with offset (10, 10), blur 20, black at alpha 0.5, expanding.
   *
   * @param image the source, unchanged
   * @return a new image on {@code image}'s backend, which the caller closes
   */
  public static Image dropShadow(Image image) {
    return dropShadow(image, DropShadow.DEFAULTS);
  }

  /**
   * Draws a soft shadow of the image's shape under it and returns the result as a new image on the
   * image's backend, which the caller closes. The image is not changed.
   *
   * <p><b>Size.</b> With {@code expand} the canvas grows by {@code blur} on every side and by the offset on
   * the side the shadow moves to: {@code (W + 2·blur + |offsetX|) × (H + 2·blur + |offsetY|)}, the image
   * at {@code (blur + max(0, −offsetX), blur + max(0, −offsetY))}. (PyImageCUDA's documentation says
   * {@code blur + |offset|} on every side; its code, followed here, does this.) Without {@code expand} the
   * result is {@code W × H} with the image at {@code (0, 0)}, and the shadow is clipped.
   *
   * <p><b>Shadow.</b> The image's alpha is put on a canvas of the result's size at the image's position,
   * blurred there by {@link Filter#gaussianBlur(Image, int)}'s blur (radius {@code blur}, sigma
   * {@code blur / 3}, the edge pixels of the canvas repeated beyond it) and moved by
   * {@code (offsetX, offsetY)}; what lies outside the result is cut off. Under result pixel {@code (x, y)}
   * the shadow is the straight colour {@code (color.r, color.g, color.b)} with alpha
   * {@code S·color.a}, {@code S} the blurred alpha at {@code (x − offsetX, y − offsetY)}.
   *
   * <p><b>Composite.</b> Transparent black, then the shadow, then the image, each composited with
   * {@link Blend#normal}'s formula. Where the image is transparent the result is the shadow itself: a
   * red shadow at alpha 0.5 is red at alpha 0.5. (PyImageCUDA premultiplies the shadow's colour by its
   * alpha a second time, which darkens coloured shadows; black ones come out the same. See
   * {@code docs/deviations.md}.)
   *
   * <pre>
   *   expand, offset (+4, +4), blur 2:     ┌──────────────┐
   *                                        │  ┌──────┐    │  image at (2, 2)
   *                                        │  │image ░░   │  shadow silhouette at (6, 6)
   *                                        │  └─░░░░░░░   │  canvas W + 8 × H + 8
   *                                        └──────────────┘
   * </pre>
   *
   * @param image the source, not changed
   * @param options offset, blur, colour, expand and the scratch buffers ({@link DropShadow#DEFAULTS}:
   *     (10, 10), 20, black at alpha 0.5, expanding)
   * @return the new image
   * @throws IllegalArgumentException if {@code blur} is negative ("non-negative") or above 100, the result
   *     would exceed 32768 pixels on a side, or a scratch buffer is the image, the other scratch buffer or
   *     on another backend
   * @throws CapacityExceededException if a scratch buffer is too small for the result (checked before any
   *     buffer is resized)
   */
  public static Image dropShadow(Image image, DropShadow options) {
    String op = "Effect.dropShadow";
    Check.usable(op, "image", image);
    ShadowLayout layout = shadowLayout(op, image, options);
    shadowBuffers(op, image, null, options, layout);
    Image dst = new Image(layout.width(), layout.height(), image.backend());
    try {
      drawShadow(dst, image, options, layout);
    } catch (RuntimeException | Error e) {
      dst.free();
      throw e;
    }
    return dst;
  }

  /**
   * {@link #dropShadowInto(Image, Image, DropShadow)} with offset (10, 10), blur 20, black at alpha 0.5,
   * expanding.
   *
   * @param dst receives the result; a different image from {@code image} on the same backend
   * @param image the source, unchanged
   */
  public static void dropShadowInto(Image dst, Image image) {
    dropShadowInto(dst, image, DropShadow.DEFAULTS);
  }

  /**
   * {@link #dropShadow(Image, DropShadow)} into {@code dst}, whose logical size is first set to the
   * result's.
   *
   * @param dst receives the result; a different image from {@code image} on the same backend
   * @param image the source, unchanged
   * @param options offset, blur, colour, expand and scratch buffers
   * @throws IllegalArgumentException as {@link #dropShadow(Image, DropShadow)}, or if {@code dst} is
   *     {@code image} or a scratch buffer is {@code dst}
   * @throws CapacityExceededException if {@code dst} or a scratch buffer is too small for the result
   *     (checked before any buffer is resized)
   */
  public static void dropShadowInto(Image dst, Image image, DropShadow options) {
    String op = "Effect.dropShadowInto";
    Check.sameBackend(op, new String[] {"dst", "image"}, dst, image);
    Check.notAliased(op, "dst", dst, "image", image);
    ShadowLayout layout = shadowLayout(op, image, options);
    shadowBuffers(op, image, dst, options, layout);
    drawShadow(dst, image, options, layout);
  }

  /**
   * Where things go in a drop shadow's result: its size, the image's top-left pixel and the shadow
   * canvas's top-left pixel (the offset, clamped to the result's size: farther means no shadow at all).
   */
  private record ShadowLayout(int width, int height, int imageX, int imageY, int shadowX, int shadowY) {
  }

  /** Validates the options; returns the layout of the result. */
  private static ShadowLayout shadowLayout(String op, Image image, DropShadow options) {
    Check.notNull(op, "options", options);
    Check.nonNegative(op, "blur", options.blur());
    Check.atMost(op, "blur", options.blur(), MAX_SHADOW_BLUR);
    Check.color(op, "color", options.color());
    long ox = options.offsetX();
    long oy = options.offsetY();
    long left = 0;
    long top = 0;
    long width = image.width();
    long height = image.height();
    if (options.expand()) {
      int blur = options.blur();
      left = blur + Math.max(0, -ox);
      top = blur + Math.max(0, -oy);
      width += 2L * blur + Math.abs(ox);
      height += 2L * blur + Math.abs(oy);
      Check.resultSize(op, width, height);
    }
    return new ShadowLayout((int) width, (int) height, (int) left, (int) top,
        (int) Math.max(-width, Math.min(width, ox)), (int) Math.max(-height, Math.min(height, oy)));
  }

  /**
   * Checks the supplied scratch buffers (usable, same backend, none of them the image, dst or each other)
   * and every buffer's capacity, then sets the logical sizes of the scratch buffers and dst to the
   * result's: a too small buffer leaves every buffer as it was.
   */
  private static void shadowBuffers(String op, Image image, @Nullable Image dst, DropShadow options,
      ShadowLayout layout) {
    Image shadow = options.shadow();
    Image temp = options.temp();
    int w = layout.width();
    int h = layout.height();
    if (shadow != null) {
      Check.sameBackend(op, new String[] {"image", "shadow"}, image, shadow);
      Check.notAliased(op, "image", image, "shadow", shadow);
      if (dst != null) {
        Check.notAliased(op, "dst", dst, "shadow", shadow);
      }
      Check.fits(op, "shadow", shadow, w, h);
    }
    if (temp != null) {
      Check.sameBackend(op, new String[] {"image", "temp"}, image, temp);
      Check.notAliased(op, "image", image, "temp", temp);
      if (dst != null) {
        Check.notAliased(op, "dst", dst, "temp", temp);
      }
      if (shadow != null) {
        Check.notAliased(op, "shadow", shadow, "temp", temp);
      }
      Check.fits(op, "temp", temp, w, h);
    }
    if (dst != null) {
      Check.fits(op, "dst", dst, w, h);
    }
    if (shadow != null) {
      Check.resizeFor(op, "shadow", shadow, w, h);
    }
    if (temp != null) {
      Check.resizeFor(op, "temp", temp, w, h);
    }
    if (dst != null) {
      Check.resizeFor(op, "dst", dst, w, h);
    }
  }

  /** Runs the shadow into {@code dst}, every buffer already sized. */
  private static void drawShadow(Image dst, Image image, DropShadow options, ShadowLayout layout) {
    int blur = options.blur();
    float[] weights = blur > 0 ? GaussianWeights.compute(blur, GaussianWeights.autoSigma(blur)) : new float[] {1f};
    Image shadow = options.shadow();
    Image temp = options.temp();
    try (Use u = Use.of("Effect.dropShadow", dst, image, shadow, temp)) {
      image.backendImpl().effect().dropShadow(dst.storage(), layout.width(), layout.height(), image.storage(),
          image.width(), image.height(), layout.imageX(), layout.imageY(), shadow == null ? null : shadow.storage(),
          temp == null ? null : temp.storage(), layout.shadowX(), layout.shadowY(), weights, options.color());
    }
  }

  // ---------------------------------------------------------------- stroke

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
    Image dst = Image.forResult(canvas[0], canvas[1], image.backend());
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
      try (Use u = Use.of("Effect.stroke", dst, image, scratch)) {
        image.backendImpl().effect().stroke(dst.storage(), ow, oh, image.storage(), image.width(), image.height(),
            scratch.storage(), canvas[2], canvas[2], options.width(), options.color(), options.position());
      }
    } finally {
      if (distance == null) {
        scratch.free();
      }
    }
  }
}
