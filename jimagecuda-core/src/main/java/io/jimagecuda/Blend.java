package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.Placement;
import io.jimagecuda.internal.backend.BlendOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * Composites one image (the overlay) onto another (the base), in place on the base, with one of seven
 * blend modes, or multiplies the base's alpha by a mask. The overlay and the mask are not changed.
 *
 * <pre>{@code
 * Blend.normal(base, logo, Blend.Layer.DEFAULTS.withAnchor(Anchor.BOTTOM_RIGHT).withOffset(-20, -20));
 * Blend.multiply(photo, texture, Blend.Layer.DEFAULTS.withOpacity(0.5f));
 * Blend.mask(photo, vignetteMask);                       // luminance of the mask, top-left
 * }</pre>
 *
 * <p><b>Placement.</b> The overlay is put at its {@link Anchor} on the base, then moved by
 * {@code (offsetX, offsetY)} pixels (positive: right, down). It may be any size and lie partly or wholly
 * outside the base: only base pixels under the overlay change, the rest of the overlay is ignored.
 *
 * <p><b>Compositing</b> (straight alpha, spec §3.2). For an overlay pixel {@code s} on base pixel
 * {@code b}: {@code αs = s.a·opacity}, {@code αo = αs + b.a·(1 − αs)},
 * {@code out.rgb = (C·αs + b.rgb·b.a·(1 − αs)) / αo} (0 where {@code αo ≤ 1e-6}) and {@code out.a = αo},
 * where {@code C} is the mode's colour. For {@link #normal} {@code C = s.rgb}; for the other modes
 * {@code C = (1 − b.a)·s.rgb + b.a·B(b.rgb, s.rgb)} with the mode's blend function {@code B}, as in W3C
 * compositing, so the layer keeps its own colour where the base is transparent. (PyImageCUDA uses
 * {@code B} alone there; on opaque bases both agree exactly — see {@code docs/deviations.md}.) Results are
 * not clamped: colours outside 0..1 come out as the formulas give them.
 *
 * <p><b>Aliasing.</b> {@code base} and {@code overlay} (or {@code mask}) may be the same image only when
 * every pixel lands on itself (offsets 0, 0); any other placement would read pixels already overwritten
 * and is refused.
 *
 * <p><b>Errors.</b> Every method throws {@link NullPointerException} for a null image or options
 * record (or a null anchor or mode in it), {@link IllegalStateException} if an image was freed, and
 * {@link IllegalArgumentException} for images of different backends, a refused aliasing, or an opacity
 * that is NaN, infinite or outside 0..1. These checks run even when the call would change nothing
 * (opacity 0, an overlay outside the base).
 *
 * <p>The CPU and CUDA backends give the same values to within 1e-4 (bit for bit in practice).
 */
@SuppressWarnings("try") // try (Use u = Use.of(...)): u is held for the block, not referenced in it
public final class Blend {
  /** Below this opacity a blend changes nothing and returns at once (after validation), as the reference does. */
  public static final float MIN_OPACITY = 1e-6f;

  private Blend() {
  }

  /**
   * Placement and opacity of an overlay, shared by the seven blend modes. Immutable; build from
   * {@link #DEFAULTS} with the {@code with} methods. Not validated here: the blend that uses it checks
   * it.
   *
   * @param anchor where the overlay sits on the base before the offsets
   * @param offsetX pixels to the right (negative: left), any value
   * @param offsetY pixels down (negative: up), any value
   * @param opacity multiplies the overlay's alpha, 0..1
   */
  public record Layer(Anchor anchor, int offsetX, int offsetY, float opacity) {
    /** Top-left, no offset, opacity 1. */
    public static final Layer DEFAULTS = new Layer(Anchor.TOP_LEFT, 0, 0, 1f);

    /**
     * A copy with {@code anchor} changed.
     *
     * @param anchor where the overlay sits on the base before the offsets
     * @return a new {@code Layer} with the other components of this one
     */
    public Layer withAnchor(Anchor anchor) {
      return new Layer(anchor, offsetX, offsetY, opacity);
    }

    /**
     * A copy moved by {@code (offsetX, offsetY)} from the anchor (replacing the current offsets).
     *
     * @param offsetX pixels to the right (negative: left), any value
     * @param offsetY pixels down (negative: up), any value
     * @return a new {@code Layer} with the other components of this one
     */
    public Layer withOffset(int offsetX, int offsetY) {
      return new Layer(anchor, offsetX, offsetY, opacity);
    }

    /**
     * A copy with {@code opacity} changed.
     *
     * @param opacity multiplies the overlay's alpha, 0..1
     * @return a new {@code Layer} with the other components of this one
     */
    public Layer withOpacity(float opacity) {
      return new Layer(anchor, offsetX, offsetY, opacity);
    }
  }

  /**
   * Placement and mode of a {@link #mask}. Immutable; build from {@link #DEFAULTS} with the {@code with}
   * methods.
   *
   * @param anchor where the mask sits on the base before the offsets
   * @param offsetX pixels to the right (negative: left), any value
   * @param offsetY pixels down (negative: up), any value
   * @param mode which value of the mask multiplies the base's alpha
   */
  public record MaskLayer(Anchor anchor, int offsetX, int offsetY, MaskMode mode) {
    /** Top-left, no offset, luminance. */
    public static final MaskLayer DEFAULTS = new MaskLayer(Anchor.TOP_LEFT, 0, 0, MaskMode.LUMINANCE);

    /**
     * A copy with {@code anchor} changed.
     *
     * @param anchor where the mask sits on the base before the offsets
     * @return a new {@code MaskLayer} with the other components of this one
     */
    public MaskLayer withAnchor(Anchor anchor) {
      return new MaskLayer(anchor, offsetX, offsetY, mode);
    }

    /**
     * A copy moved by {@code (offsetX, offsetY)} from the anchor (replacing the current offsets).
     *
     * @param offsetX pixels to the right (negative: left), any value
     * @param offsetY pixels down (negative: up), any value
     * @return a new {@code MaskLayer} with the other components of this one
     */
    public MaskLayer withOffset(int offsetX, int offsetY) {
      return new MaskLayer(anchor, offsetX, offsetY, mode);
    }

    /**
     * A copy with {@code mode} changed.
     *
     * @param mode which value of the mask multiplies the base's alpha
     * @return a new {@code MaskLayer} with the other components of this one
     */
    public MaskLayer withMode(MaskMode mode) {
      return new MaskLayer(anchor, offsetX, offsetY, mode);
    }
  }

  /** One of the seven {@link BlendOps} composites. */
  @FunctionalInterface
  private interface Mode {
    void run(BlendOps ops, Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
        float opacity);
  }

  private static void composite(String op, Mode mode, Image base, Image overlay, Layer layer) {
    Check.sameBackend(op, new String[] {"base", "overlay"}, base, overlay);
    Check.notNull(op, "layer", layer);
    Check.notNull(op, "anchor", layer.anchor());
    Check.unitInterval(op, "opacity", layer.opacity());
    Placement p = Placement.of(layer.anchor(), base.width(), base.height(), overlay.width(), overlay.height(),
        layer.offsetX(), layer.offsetY());
    if (!p.isIdentity()) {
      Check.notAliased(op, "base", base, "overlay", overlay);
    }
    if (layer.opacity() < MIN_OPACITY || p.isEmpty()) {
      return;
    }
    try (Use u = Use.of(op, base, overlay)) {
      mode.run(base.backendImpl().blend(), base.storage(), base.width(), base.height(), overlay.storage(),
          overlay.width(), overlay.height(), (int) p.x(), (int) p.y(), layer.opacity());
    }
  }

  /**
   * Normal ("over") blend: the overlay covers the base according to its alpha times the opacity.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException if the opacity is not in 0..1, the images are on different backends,
   *     or {@code base == overlay} with a non-identity placement
   */
  public static void normal(Image base, Image overlay, Layer layer) {
    composite("Blend.normal", BlendOps::normal, base, overlay, layer);
  }

  /**
   * {@link #normal(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void normal(Image base, Image overlay) {
    normal(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Multiply: {@code B = b·s} per channel; darkens, white leaves the base unchanged.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void multiply(Image base, Image overlay, Layer layer) {
    composite("Blend.multiply", BlendOps::multiply, base, overlay, layer);
  }

  /**
   * {@link #multiply(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void multiply(Image base, Image overlay) {
    multiply(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Screen: {@code B = 1 − (1 − b)(1 − s)}; lightens, black leaves the base unchanged.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void screen(Image base, Image overlay, Layer layer) {
    composite("Blend.screen", BlendOps::screen, base, overlay, layer);
  }

  /**
   * {@link #screen(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void screen(Image base, Image overlay) {
    screen(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Add (linear dodge): {@code B = min(b + s, 1)} (no lower clamp).
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void add(Image base, Image overlay, Layer layer) {
    composite("Blend.add", BlendOps::add, base, overlay, layer);
  }

  /**
   * {@link #add(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void add(Image base, Image overlay) {
    add(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Overlay: {@code B = b < ½ ? 2bs : 1 − 2(1 − b)(1 − s)} (the branch is on the base); raises contrast,
   * keeping the base's lights and darks.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void overlay(Image base, Image overlay, Layer layer) {
    composite("Blend.overlay", BlendOps::overlay, base, overlay, layer);
  }

  /**
   * {@link #overlay(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void overlay(Image base, Image overlay) {
    overlay(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Soft light, the smooth "pegtop" formula {@code B = (1 − 2s)·b² + 2s·b}: a gentle overlay; a grey
   * ({@code s = ½}) overlay leaves the base unchanged.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void softLight(Image base, Image overlay, Layer layer) {
    composite("Blend.softLight", BlendOps::softLight, base, overlay, layer);
  }

  /**
   * {@link #softLight(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void softLight(Image base, Image overlay) {
    softLight(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Hard light: {@code B = s < ½ ? 2sb : 1 − 2(1 − s)(1 − b)} (the branch is on the overlay): multiply
   * with the overlay's darks, screen with its lights.
   *
   * @param base modified in place
   * @param overlay any size; only the part on the base is used
   * @param layer anchor, offsets and opacity ({@link Layer#DEFAULTS}: top-left, 0, 0, 1)
   * @throws IllegalArgumentException as {@link #normal(Image, Image, Layer)}
   */
  public static void hardLight(Image base, Image overlay, Layer layer) {
    composite("Blend.hardLight", BlendOps::hardLight, base, overlay, layer);
  }

  /**
   * {@link #hardLight(Image, Image, Layer)} at the top-left, fully opaque.
   *
   * @param base modified in place
   * @param overlay any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void hardLight(Image base, Image overlay) {
    hardLight(base, overlay, Layer.DEFAULTS);
  }

  /**
   * Multiplies the alpha of the base pixels under the mask by the mask's value there: its alpha
   * ({@link MaskMode#ALPHA}) or its luminance {@code 0.299 r + 0.587 g + 0.114 b} times its alpha
   * ({@link MaskMode#LUMINANCE}: white shows, black or transparent hides). Colours are unchanged. Base
   * pixels outside the mask keep their alpha.
   *
   * @param base modified in place
   * @param mask any size; only the part on the base is used
   * @param layer anchor, offsets and mode ({@link MaskLayer#DEFAULTS}: top-left, 0, 0, luminance)
   * @throws IllegalArgumentException if the images are on different backends, or {@code base == mask}
   *     with a non-identity placement
   */
  public static void mask(Image base, Image mask, MaskLayer layer) {
    String op = "Blend.mask";
    Check.sameBackend(op, new String[] {"base", "mask"}, base, mask);
    Check.notNull(op, "layer", layer);
    Check.notNull(op, "anchor", layer.anchor());
    Check.notNull(op, "mode", layer.mode());
    Placement p = Placement.of(layer.anchor(), base.width(), base.height(), mask.width(), mask.height(),
        layer.offsetX(), layer.offsetY());
    if (!p.isIdentity()) {
      Check.notAliased(op, "base", base, "mask", mask);
    }
    if (p.isEmpty()) {
      return;
    }
    try (Use u = Use.of(op, base, mask)) {
      base.backendImpl().blend().mask(base.storage(), base.width(), base.height(), mask.storage(), mask.width(),
          mask.height(), (int) p.x(), (int) p.y(), layer.mode());
    }
  }

  /**
   * {@link #mask(Image, Image, MaskLayer)} at the top-left in luminance mode.
   *
   * @param base alpha modified in place
   * @param mask any size, placed at the base's top-left; unchanged
   * @throws IllegalArgumentException if the images are on different backends
   */
  public static void mask(Image base, Image mask) {
    mask(base, mask, MaskLayer.DEFAULTS);
  }
}
