package io.jimagecuda.recipe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The range of a number parameter of the {@link Vocabulary}, for editors (sliders): {@code min..max}, and
 * whether the library rejects values outside it ({@code enforced}: the API's own bounds, such as a blur
 * radius in {@code 0..Filter.MAX_RADIUS} or an opacity in {@code 0..1}) or the range is only where the
 * useful values lie (a brightness factor, a noise seed), values outside being allowed.
 *
 * @param min the smallest value
 * @param max the largest value
 * @param enforced whether the library rejects values outside {@code min..max}
 */
public record ParamRange(double min, double max, boolean enforced) {
  private static final Map<String, ParamRange> RANGES = build();

  /**
   * Checks the bounds.
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @param enforced whether the library rejects values outside
   */
  public ParamRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("ParamRange: min " + min + " must not exceed max " + max);
    }
  }

  /**
   * {@return the range of an {@link ParamType#INT} or {@link ParamType#FLOAT} parameter; empty for other
   * types and for numbers without a known range}
   *
   * @param op the op's name, e.g. {@code "filter.gaussianBlur"}
   * @param param the parameter's name
   */
  public static Optional<ParamRange> of(String op, String param) {
    ParamRange r = RANGES.get(op + "." + param);
    if (r != null) {
      return Optional.of(r);
    }
    return Optional.ofNullable(RANGES.get("*." + param));
  }

  /**
   * {@return whether {@code value} lies in {@code min..max}}
   *
   * @param value the value
   */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  private static Map<String, ParamRange> build() {
    Map<String, ParamRange> m = new HashMap<>();
    // Enforced by the library (its checks name these bounds).
    m.put("filter.gaussianBlur.radius", new ParamRange(0, io.jimagecuda.Filter.MAX_RADIUS, true));
    m.put("filter.gaussianBlur.sigma", new ParamRange(0, 50, false));
    m.put("effect.dropShadow.blur", new ParamRange(0, io.jimagecuda.Effect.MAX_SHADOW_BLUR, true));
    m.put("effect.stroke.width", new ParamRange(1, io.jimagecuda.Effect.MAX_STROKE_WIDTH, true));
    m.put("effect.chromaKey.threshold", new ParamRange(0, 1, true));
    m.put("effect.chromaKey.smoothness", new ParamRange(0, 1, true));
    m.put("effect.chromaKey.spillSuppression", new ParamRange(0, 1, true));
    m.put("*.opacity", new ParamRange(0, 1, true));
    // Useful ranges; the library takes values outside them.
    m.put("*.offsetX", new ParamRange(-1024, 1024, false));
    m.put("*.offsetY", new ParamRange(-1024, 1024, false));
    m.put("*.offset", new ParamRange(-1024, 1024, false));
    m.put("*.softness", new ParamRange(0, 1, false));
    m.put("*.seed", new ParamRange(0, 1000, false));
    m.put("*.angle", new ParamRange(-180, 180, false));
    m.put("*.rotation", new ParamRange(-180, 180, false));
    m.put("*.spacing", new ParamRange(1, 256, false));
    m.put("*.size", new ParamRange(1, 256, false));
    m.put("*.lineWidth", new ParamRange(1, 64, false));
    m.put("*.width", new ParamRange(1, 4096, false));
    m.put("*.height", new ParamRange(1, 4096, false));
    m.put("*.radius", new ParamRange(0, 256, false));
    m.put("*.strength", new ParamRange(0, 5, false));
    m.put("*.factor", new ParamRange(0, 3, false));
    m.put("*.gamma", new ParamRange(0.1, 5, false));
    m.put("*.degrees", new ParamRange(-180, 180, false));
    m.put("*.amount", new ParamRange(-1, 1, false));
    m.put("*.intensity", new ParamRange(0, 1, false));
    m.put("*.value", new ParamRange(0, 1, false));
    m.put("*.threshold", new ParamRange(0, 1, false));
    m.put("*.sides", new ParamRange(3, 16, false));
    m.put("*.scale", new ParamRange(1, 512, false));
    m.put("*.octaves", new ParamRange(1, 8, false));
    m.put("*.persistence", new ParamRange(0, 1, false));
    m.put("*.lacunarity", new ParamRange(1, 4, false));
    m.put("*.zoomFactor", new ParamRange(0.1, 8, false));
    m.put("*.centerX", new ParamRange(0, 4096, false));
    m.put("*.centerY", new ParamRange(0, 4096, false));
    m.put("*.x", new ParamRange(0, 4096, false));
    m.put("*.y", new ParamRange(0, 4096, false));
    m.put("effect.vignette.radius", new ParamRange(0, 2, false));
    m.put("effect.roundedCorners.radius", new ParamRange(0, 512, false));
    m.put("fill.dots.radius", new ParamRange(0, 128, false));
    m.put("effect.dropShadow.offsetX", new ParamRange(-256, 256, false));
    m.put("effect.dropShadow.offsetY", new ParamRange(-256, 256, false));
    // text.create (if this build has it): a size in pixels, spacings in pixels.
    m.put("*.lineSpacing", new ParamRange(0, 4, false));
    m.put("*.letterSpacing", new ParamRange(-10, 50, false));
    return m;
  }
}
