package io.jimagecuda.recipe.steps;

import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.recipe.OpRegistry;

/** Recipe bindings of the {@code fill.*} ops: one line per op, parameters in the vocabulary's order. */
public final class FillSteps {
  private FillSteps() {
  }

  /**
   * Registers the ten fill ops.
   *
   * @param r the registry to add them to
   */
  public static void register(OpRegistry r) {
    r.inPlace("fill.color", a -> Fill.color(a.image("image"), a.rgba("rgba")));
    r.inPlace("fill.gradient", a -> Fill.gradient(a.image("image"), a.rgba("rgba1"), a.rgba("rgba2"),
        new Fill.Gradient(GradientDirection.parse(a.choice("direction")), a.bool("seamless"))));
    r.inPlace("fill.checkerboard", a -> Fill.checkerboard(a.image("image"), new Fill.Checkerboard(
        a.i32("size"), a.rgba("color1"), a.rgba("color2"), a.i32("offsetX"), a.i32("offsetY"))));
    r.inPlace("fill.grid", a -> Fill.grid(a.image("image"), new Fill.Grid(a.i32("spacing"),
        a.i32("lineWidth"), a.rgba("color"), a.rgba("bgColor"), a.i32("offsetX"), a.i32("offsetY"))));
    r.inPlace("fill.stripes", a -> Fill.stripes(a.image("image"), new Fill.Stripes(a.f32("angle"),
        a.i32("spacing"), a.i32("width"), a.rgba("color1"), a.rgba("color2"), a.i32("offset"))));
    r.inPlace("fill.dots", a -> Fill.dots(a.image("image"), new Fill.Dots(a.i32("spacing"), a.f32("radius"),
        a.rgba("color"), a.rgba("bgColor"), a.i32("offsetX"), a.i32("offsetY"), a.f32("softness"))));
    r.inPlace("fill.circle", a -> Fill.circle(a.image("image"), new Fill.Circle(a.rgba("color"),
        a.rgba("bgColor"), a.f32("softness"))));
    r.inPlace("fill.noise", a -> Fill.noise(a.image("image"), new Fill.Noise(a.f32("seed"),
        a.bool("monochrome"))));
    r.inPlace("fill.perlin", a -> Fill.perlin(a.image("image"), new Fill.Perlin(a.f32("scale"), a.f32("seed"),
        a.i32("octaves"), a.f32("persistence"), a.f32("lacunarity"), a.f32("offsetX"), a.f32("offsetY"),
        a.rgba("color1"), a.rgba("color2"))));
    r.inPlace("fill.ngon", a -> Fill.ngon(a.image("image"), new Fill.Ngon(a.i32("sides"), a.rgba("color"),
        a.rgba("bgColor"), a.f32("rotation"), a.f32("softness"))));
  }
}
