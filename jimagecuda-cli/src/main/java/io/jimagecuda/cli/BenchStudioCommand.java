package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.recipe.OpSpec;
import io.jimagecuda.recipe.Param;
import io.jimagecuda.recipe.ParamType;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeException;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeSession;
import io.jimagecuda.recipe.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lwjgl.opengl.GL11;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench studio}: what the studio does on every parameter change, timed per backend: set
 * one argument of a 10-step recipe in a {@link RecipeSession}, run it, present the output to OpenGL (headless
 * EGL, the fastest present path), and wait for the pixels.
 */
@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Time the studio's re-render: N parameter changes to a 10-step recipe (fills, a blur, blends, "
        + "adjusts; text when this build has text.create) at one size, each run through a RecipeSession "
        + "(buffers kept) and presented to OpenGL headless (EGL). Prints medians per change, to 'frame handed "
        + "to OpenGL' (present returned) and to 'pixels ready' (OpenGL and the backend finished), per backend."})
final class BenchStudioCommand implements Callable<Integer> {
  private static final String PARAGRAPH = "Interactive editing is the point of the studio: a parameter "
      + "changes and the new frame is on screen before the hand lets go.";

  @Spec
  CommandSpec spec;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "2560x1440",
      description = "The recipe's image size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--changes", paramLabel = "N", defaultValue = "200",
      description = "Timed parameter changes per backend (default: ${DEFAULT-VALUE}; the CPU backend does at "
          + "most 20).")
  int changes;

  @Option(names = "--backends", paramLabel = "cpu,cuda", split = ",",
      description = "Backends to time (default: cpu, and cuda when available).")
  List<String> backends;

  @Override
  public Integer call() throws IOException {
    Size s = Size.parse(spec, "--size", size, "2560x1440");
    if (changes < 1) {
      throw new ParameterException(spec.commandLine(), "--changes must be at least 1, got " + changes);
    }
    List<BackendKind> kinds = new ArrayList<>();
    if (backends == null) {
      kinds.add(BackendKind.CPU);
      if (JImageCuda.isCudaAvailable()) {
        kinds.add(BackendKind.CUDA);
      }
    } else {
      for (String b : backends) {
        try {
          kinds.add(BackendKind.parse(b));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--backends: " + e.getMessage());
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Recipe recipe = recipe(s.width(), s.height(), out);
    out.printf(Locale.ROOT, "bench studio: %d-step recipe at %dx%d (%s)%n", recipe.steps().size(), s.width(),
        s.height(), String.join(", ", recipe.steps().stream().map(st -> st.op().name()).toList()));
    out.println("| backend | present path | changes | recipe run (median ms) | change -> frame handed to OpenGL "
        + "(median ms) | change -> pixels ready (median ms) |");
    out.println("|---|---|---|---|---|---|");
    out.flush();
    try (EglContext gl = EglContext.open()) {
      out.println("<!-- OpenGL: " + gl.describe() + " -->");
      for (BackendKind kind : kinds) {
        int n = kind == BackendKind.CPU ? Math.min(changes, 20) : changes;
        out.println(measure(recipe, kind, s, n));
        out.flush();
      }
    }
    return 0;
  }

  /** One backend's row. */
  private String measure(Recipe recipe, BackendKind kind, Size s, int n) throws IOException {
    try (RecipeSession session = new RecipeSession(recipe, kind, Path.of("."));
        Presenter presenter = kind == BackendKind.CUDA ? Presenter.create(s.width(), s.height())
            : Presenter.create(s.width(), s.height(), PresentPath.CPU_UPLOAD)) {
      int warmup = kind == BackendKind.CPU ? 2 : 20;
      double[] run = new double[n];
      double[] handed = new double[n];
      double[] ready = new double[n];
      for (int i = -warmup; i < n; i++) {
        long t0 = System.nanoTime();
        change(session, i + warmup);
        Image output = session.run();
        long t1 = System.nanoTime();
        presenter.present(output);
        long t2 = System.nanoTime();
        GL11.glFinish();
        JImageCuda.synchronize(kind);
        long t3 = System.nanoTime();
        if (i >= 0) {
          run[i] = (t1 - t0) / 1e6;
          handed[i] = (t2 - t0) / 1e6;
          ready[i] = (t3 - t0) / 1e6;
        }
      }
      return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f |", kind.id(), presenter.path(), n,
          median(run), median(handed), median(ready));
    }
  }

  /** Change number {@code k}: the blur radius, the contrast factor and the circle's softness in turn. */
  private static void change(RecipeSession session, int k) {
    switch (k % 3) {
      case 0 -> session.set(3, "radius", 4 + k % 9);
      case 1 -> session.set(9, "factor", 1.0 + (k % 7) * 0.05);
      default -> session.set(2, "softness", 0.1 + (k % 5) * 0.1);
    }
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /**
   * The benchmark recipe: 10 steps. With {@code text.create} in this build's vocabulary, steps 7 and 8 draw a
   * paragraph of text and blend it; otherwise they draw a hexagon and blend it.
   */
  static Recipe recipe(int w, int h, PrintWriter log) {
    String text = textSteps().orElse(null);
    if (text != null) {
      try {
        Recipe r = RecipeParser.parse(json(w, h, text));
        if (io.jimagecuda.recipe.OpRegistry.standard().unimplemented(r).isEmpty()) {
          return r;
        }
        log.println("bench studio: text.create is in the vocabulary but not implemented; drawing a hexagon instead");
      } catch (RecipeException e) {
        log.println("bench studio: text step left out (" + e.getMessage() + "); drawing a hexagon instead");
      }
    }
    return RecipeParser.parse(json(w, h, """
        {"op": "fill.ngon", "image": "layer", "sides": 6, "color": [0.2, 0.9, 0.4, 1], "bgColor": [0, 0, 0, 0],
         "rotation": 15, "softness": 0.01},
        {"op": "blend.screen", "base": "canvas", "overlay": "layer", "anchor": "center", "offsetX": 0,
         "offsetY": 0, "opacity": 0.7},
        """));
  }

  private static String json(int w, int h, String steps7and8) {
    return """
        {"name": "bench-studio",
         "images": {"canvas": {"width": %1$d, "height": %2$d}, "layer": {"width": %1$d, "height": %2$d},
                    "stripes": {"width": %1$d, "height": %2$d}},
         "steps": [
          {"op": "fill.gradient", "image": "canvas", "rgba1": [0.1, 0.2, 0.6, 1], "rgba2": [0.9, 0.5, 0.1, 1],
           "direction": "horizontal", "seamless": false},
          {"op": "fill.circle", "image": "layer", "color": [1, 1, 1, 0.9], "bgColor": [0, 0, 0, 0], "softness": 0.2},
          {"op": "filter.gaussianBlur", "src": "layer", "radius": 8, "sigma": null, "out": "blurred"},
          {"op": "blend.normal", "base": "canvas", "overlay": "blurred", "anchor": "center", "offsetX": 0,
           "offsetY": 0, "opacity": 0.8},
          {"op": "fill.stripes", "image": "stripes", "angle": 30, "spacing": 40, "width": 10,
           "color1": [1, 1, 1, 1], "color2": [0.6, 0.6, 0.6, 1], "offset": 0},
          {"op": "blend.multiply", "base": "canvas", "overlay": "stripes", "anchor": "center", "offsetX": 0,
           "offsetY": 0, "opacity": 0.5},
          %3$s
          {"op": "adjust.contrast", "image": "canvas", "factor": 1.2},
          {"op": "adjust.saturation", "image": "canvas", "factor": 1.1}
         ],
         "output": "canvas"}
        """.formatted(w, h, steps7and8);
  }

  /** Steps 7 and 8 with {@code text.create}, its arguments chosen from its signature, if the op exists. */
  private static Optional<String> textSteps() {
    Optional<OpSpec> op = Vocabulary.find("text.create");
    if (op.isEmpty() || !op.get().returnsImage()) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder("{\"op\": \"text.create\"");
    for (Param p : op.get().params()) {
      s.append(", \"").append(p.name()).append("\": ").append(textArgument(p));
    }
    s.append(", \"out\": \"text\"},\n{\"op\": \"blend.normal\", \"base\": \"canvas\", \"overlay\": \"text\", "
        + "\"anchor\": \"center\", \"offsetX\": 0, \"offsetY\": 0, \"opacity\": 1},\n");
    return Optional.of(s.toString());
  }

  private static String textArgument(Param p) {
    String name = p.name().toLowerCase(Locale.ROOT);
    return switch (p.type()) {
      case INT -> name.contains("size") ? "48" : "0";
      case FLOAT -> name.contains("size") ? "48" : name.contains("linespacing") ? "1" : "0";
      case BOOL -> "false";
      case RGBA -> name.contains("bg") || name.contains("background") ? "[0, 0, 0, 0]" : "[1, 1, 1, 1]";
      case RGB -> "[1, 1, 1]";
      case CHOICE -> "\"" + p.choices().get(0) + "\"";
      case IMAGE -> "\"canvas\"";
      default -> p.nullable() && !name.contains("text") ? "null"
          : "\"" + (name.contains("font") || name.contains("family") ? "Sans" : name.contains("style") ? ""
              : PARAGRAPH) + "\"";
    };
  }
}
