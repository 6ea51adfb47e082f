package io.jimagecuda.recipe;

import static io.jimagecuda.recipe.Param.bool;
import static io.jimagecuda.recipe.Param.choice;
import static io.jimagecuda.recipe.Param.f32;
import static io.jimagecuda.recipe.Param.i32;
import static io.jimagecuda.recipe.Param.image;
import static io.jimagecuda.recipe.Param.rgb;
import static io.jimagecuda.recipe.Param.rgba;
import static io.jimagecuda.recipe.Param.string;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every op of the recipe format: the whole non-text PyImageCUDA 0.1.4 API, as listed in the conformance
 * kit's README ("The op vocabulary"), plus {@code text.create} (spec §3.8, whose conformance cases the
 * kit leaves out). The parser checks steps against these signatures whether or not an op is implemented
 * yet; {@link OpRegistry} says which ones can run.
 */
public final class Vocabulary {
  private static final String[] ANCHORS = {"top-left", "top-center", "top-right", "center-left", "center",
      "center-right", "bottom-left", "bottom-center", "bottom-right"};
  private static final String[] INTERPOLATIONS = {"nearest", "bilinear", "bicubic", "lanczos"};
  private static final String[] BLEND_MODES = {"normal", "multiply", "screen", "add", "overlay", "softLight",
      "hardLight"};

  private static final Map<String, OpSpec> OPS = build();

  private Vocabulary() {
  }

  private static Map<String, OpSpec> build() {
    List<OpSpec> ops = new ArrayList<>();
    ops.add(inPlace("fill.color", image("image"), rgba("rgba")));
    ops.add(inPlace("fill.gradient", image("image"), rgba("rgba1"), rgba("rgba2"),
        choice("direction", "horizontal", "vertical", "diagonal", "radial"), bool("seamless")));
    ops.add(inPlace("fill.checkerboard", image("image"), i32("size"), rgba("color1"), rgba("color2"),
        i32("offsetX"), i32("offsetY")));
    ops.add(inPlace("fill.grid", image("image"), i32("spacing"), i32("lineWidth"), rgba("color"),
        rgba("bgColor"), i32("offsetX"), i32("offsetY")));
    ops.add(inPlace("fill.stripes", image("image"), f32("angle"), i32("spacing"), i32("width"), rgba("color1"),
        rgba("color2"), i32("offset")));
    ops.add(inPlace("fill.dots", image("image"), i32("spacing"), f32("radius"), rgba("color"), rgba("bgColor"),
        i32("offsetX"), i32("offsetY"), f32("softness")));
    ops.add(inPlace("fill.circle", image("image"), rgba("color"), rgba("bgColor"), f32("softness")));
    ops.add(inPlace("fill.noise", image("image"), f32("seed"), bool("monochrome")));
    ops.add(inPlace("fill.perlin", image("image"), f32("scale"), f32("seed"), i32("octaves"), f32("persistence"),
        f32("lacunarity"), f32("offsetX"), f32("offsetY"), rgba("color1"), rgba("color2")));
    ops.add(inPlace("fill.ngon", image("image"), i32("sides"), rgba("color"), rgba("bgColor"), f32("rotation"),
        f32("softness")));

    for (String mode : BLEND_MODES) {
      ops.add(inPlace("blend." + mode, image("base"), image("overlay"), choice("anchor", ANCHORS), i32("offsetX"),
          i32("offsetY"), f32("opacity")));
    }
    ops.add(inPlace("blend.mask", image("base"), image("mask"), choice("anchor", ANCHORS), i32("offsetX"),
        i32("offsetY"), choice("mode", "alpha", "luminance")));

    for (String op : new String[] {"brightness", "contrast", "saturation", "opacity"}) {
      ops.add(inPlace("adjust." + op, image("image"), f32("factor")));
    }
    ops.add(inPlace("adjust.gamma", image("image"), f32("gamma")));
    ops.add(inPlace("adjust.hue", image("image"), f32("degrees")));
    ops.add(inPlace("adjust.vibrance", image("image"), f32("amount")));

    ops.add(producer("filter.gaussianBlur", image("src"), i32("radius"), f32("sigma").orNull()));
    ops.add(producer("filter.sharpen", image("src"), f32("strength")));
    ops.add(producer("filter.sobel", image("src")));
    ops.add(producer("filter.emboss", image("src"), f32("strength")));
    ops.add(inPlace("filter.sepia", image("image"), f32("intensity")));
    ops.add(inPlace("filter.invert", image("image")));
    ops.add(inPlace("filter.threshold", image("image"), f32("value")));
    ops.add(inPlace("filter.solarize", image("image"), f32("threshold")));

    ops.add(inPlace("effect.roundedCorners", image("image"), f32("radius")));
    ops.add(producer("effect.dropShadow", image("image"), i32("offsetX"), i32("offsetY"), i32("blur"),
        rgba("color"), bool("expand")));
    ops.add(producer("effect.stroke", image("image"), i32("width"), rgba("color"),
        choice("position", "outside", "inside"), bool("expand")));
    ops.add(inPlace("effect.vignette", image("image"), f32("radius"), f32("softness"), rgba("color")));
    ops.add(inPlace("effect.chromaKey", image("image"), rgb("keyColor"), f32("threshold"), f32("smoothness"),
        f32("spillSuppression")));

    ops.add(producer("transform.flip", image("image"), choice("direction", "horizontal", "vertical", "both")));
    ops.add(producer("transform.rotate", image("image"), f32("angle"), bool("expand"),
        choice("interpolation", INTERPOLATIONS)));
    ops.add(producer("transform.crop", image("image"), i32("x"), i32("y"), i32("width"), i32("height")));
    ops.add(producer("transform.zoom", image("image"), f32("zoomFactor"), f32("centerX").orNull(),
        f32("centerY").orNull(), choice("interpolation", INTERPOLATIONS)));

    for (String op : INTERPOLATIONS) {
      ops.add(producer("resize." + op, image("src"), i32("width").orNull(), i32("height").orNull()));
    }

    // Text (spec 3.8): not in the conformance kit's table (its text cases were left out); the parameters are
    // the reference's, in its order. align "center" centres, like "centre" (the reference right-aligns it).
    ops.add(producer("text.create", string("text"), string("font"), f32("size"), rgba("color"), rgba("bgColor"),
        choice("align", "left", "centre", "center", "right"), bool("justify"), i32("spacing"),
        f32("letterSpacing")));

    Map<String, OpSpec> byName = new LinkedHashMap<>();
    for (OpSpec op : ops) {
      byName.put(op.name(), op);
    }
    return Collections.unmodifiableMap(byName);
  }

  private static OpSpec inPlace(String name, Param... params) {
    return new OpSpec(name, List.of(params), false);
  }

  private static OpSpec producer(String name, Param... params) {
    return new OpSpec(name, List.of(params), true);
  }

  /**
   * {@return the op called {@code name} ({@code "fill.color"}), if the format has one}
   *
   * @param name {@code family.operation}
   */
  public static Optional<OpSpec> find(String name) {
    return Optional.ofNullable(OPS.get(name));
  }

  /** {@return every op, grouped by family in the README's order} */
  public static Collection<OpSpec> all() {
    return OPS.values();
  }

  /**
   * {@return the names of the ops of {@code family} ({@code "fill"}), empty if there is no such family}
   *
   * @param family the family's name
   */
  public static List<String> family(String family) {
    return OPS.values().stream().filter(op -> op.family().equals(family)).map(OpSpec::name).toList();
  }
}
