package io.jimagecuda.recipe.steps;

import io.jimagecuda.Adjust;
import io.jimagecuda.recipe.OpRegistry;

/** Recipe bindings of the {@code adjust.*} ops: one line per op, parameters in the vocabulary's order. */
public final class AdjustSteps {
  private AdjustSteps() {
  }

  /**
   * Registers the seven adjust ops.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.inPlace("adjust.brightness", a -> Adjust.brightness(a.image("image"), a.f32("factor")));
    r.inPlace("adjust.contrast", a -> Adjust.contrast(a.image("image"), a.f32("factor")));
    r.inPlace("adjust.saturation", a -> Adjust.saturation(a.image("image"), a.f32("factor")));
    r.inPlace("adjust.opacity", a -> Adjust.opacity(a.image("image"), a.f32("factor")));
    r.inPlace("adjust.gamma", a -> Adjust.gamma(a.image("image"), a.f32("gamma")));
    r.inPlace("adjust.hue", a -> Adjust.hue(a.image("image"), a.f32("degrees")));
    r.inPlace("adjust.vibrance", a -> Adjust.vibrance(a.image("image"), a.f32("amount")));
  }
}
