package io.jimagecuda.recipe.steps;

import io.jimagecuda.Effect;
import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.recipe.OpRegistry;

/**
 * Recipe bindings of the {@code effect.*} ops: one line per op, parameters in the vocabulary's order.
 * {@code effect.chromaKey}'s {@code keyColor} is an RGB triple, passed as an opaque {@link Rgba} (whose
 * alpha the op ignores).
 */
public final class EffectSteps {
  private EffectSteps() {
  }

  /**
   * Registers {@code effect.roundedCorners}, {@code effect.vignette}, {@code effect.stroke},
   * {@code effect.dropShadow} and {@code effect.chromaKey}.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.inPlace("effect.roundedCorners", a -> Effect.roundedCorners(a.image("image"), a.f32("radius")));
    r.inPlace("effect.vignette", a -> Effect.vignette(a.image("image"),
        new Effect.Vignette(a.f32("radius"), a.f32("softness"), a.rgba("color"))));
    r.producer("effect.stroke", a -> Effect.stroke(a.image("image"), Effect.Stroke.DEFAULTS
        .withWidth(a.i32("width")).withColor(a.rgba("color"))
        .withPosition(StrokePosition.parse(a.choice("position"))).withExpand(a.bool("expand"))));
    r.producer("effect.dropShadow", a -> Effect.dropShadow(a.image("image"), Effect.DropShadow.DEFAULTS
        .withOffset(a.i32("offsetX"), a.i32("offsetY")).withBlur(a.i32("blur")).withColor(a.rgba("color"))
        .withExpand(a.bool("expand"))));
    r.inPlace("effect.chromaKey", a -> Effect.chromaKey(a.image("image"), new Effect.ChromaKey(
        opaque(a.rgb("keyColor")), a.f32("threshold"), a.f32("smoothness"), a.f32("spillSuppression"))));
  }

  /** The RGB triple {@code {r, g, b}} as an opaque colour. */
  private static Rgba opaque(float[] rgb) {
    return Rgba.rgb(rgb[0], rgb[1], rgb[2]);
  }
}
