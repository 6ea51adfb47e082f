package io.jimagecuda.recipe.steps;

import io.jimagecuda.Effect;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.recipe.OpRegistry;

/**
 * Recipe bindings of the {@code effect.*} ops: one line per op, parameters in the vocabulary's order.
 * {@code effect.dropShadow} and {@code effect.chromaKey} are not bound yet.
 */
public final class EffectSteps {
  private EffectSteps() {
  }

  /**
   * Registers {@code effect.roundedCorners}, {@code effect.vignette} and {@code effect.stroke}.
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
  }
}
