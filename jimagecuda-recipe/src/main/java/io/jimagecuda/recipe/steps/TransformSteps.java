package io.jimagecuda.recipe.steps;

import io.jimagecuda.FlipDirection;
import io.jimagecuda.Interpolation;
import io.jimagecuda.Transform;
import io.jimagecuda.recipe.OpRegistry;

/**
 * Recipe bindings of the {@code transform.*} ops: one line per op, parameters in the vocabulary's order.
 * A null zoom {@code centerX} / {@code centerY} is {@link Transform.Zoom#IMAGE_CENTER}.
 */
public final class TransformSteps {
  private TransformSteps() {
  }

  /**
   * Registers the four transform ops.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.producer("transform.flip", a -> Transform.flip(a.image("image"), FlipDirection.parse(a.choice("direction"))));
    r.producer("transform.rotate", a -> Transform.rotate(a.image("image"), a.f32("angle"), Transform.Rotate.DEFAULTS
        .withExpand(a.bool("expand")).withInterpolation(Interpolation.parse(a.choice("interpolation")))));
    r.producer("transform.crop", a -> Transform.crop(a.image("image"), a.i32("x"), a.i32("y"), a.i32("width"),
        a.i32("height")));
    r.producer("transform.zoom", a -> Transform.zoom(a.image("image"), a.f32("zoomFactor"), Transform.Zoom.DEFAULTS
        .withCenterX(orCenter(a.f32OrNull("centerX"))).withCenterY(orCenter(a.f32OrNull("centerY")))
        .withInterpolation(Interpolation.parse(a.choice("interpolation")))));
  }

  private static float orCenter(Float value) {
    return value == null ? Transform.Zoom.IMAGE_CENTER : value;
  }
}
