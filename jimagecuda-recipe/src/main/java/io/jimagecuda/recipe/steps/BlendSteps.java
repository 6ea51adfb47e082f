package io.jimagecuda.recipe.steps;

import io.jimagecuda.Anchor;
import io.jimagecuda.Blend;
import io.jimagecuda.MaskMode;
import io.jimagecuda.recipe.OpRegistry;
import io.jimagecuda.recipe.StepArgs;

/** Recipe bindings of the {@code blend.*} ops: one line per op, parameters in the vocabulary's order. */
public final class BlendSteps {
  private BlendSteps() {
  }

  /** The {@code anchor, offsetX, offsetY, opacity} parameters of a blend mode. */
  private static Blend.Layer layer(StepArgs a) {
    return new Blend.Layer(Anchor.parse(a.choice("anchor")), a.i32("offsetX"), a.i32("offsetY"),
        a.f32("opacity"));
  }

  /**
   * Registers the seven blend modes and the mask.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.inPlace("blend.normal", a -> Blend.normal(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.multiply", a -> Blend.multiply(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.screen", a -> Blend.screen(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.add", a -> Blend.add(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.overlay", a -> Blend.overlay(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.softLight", a -> Blend.softLight(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.hardLight", a -> Blend.hardLight(a.image("base"), a.image("overlay"), layer(a)));
    r.inPlace("blend.mask", a -> Blend.mask(a.image("base"), a.image("mask"),
        new Blend.MaskLayer(Anchor.parse(a.choice("anchor")), a.i32("offsetX"), a.i32("offsetY"),
            MaskMode.parse(a.choice("mode")))));
  }
}
