package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.CapacityExceededException;
import io.jimagecuda.Effect;
import io.jimagecuda.Fill;
import io.jimagecuda.Filter;
import io.jimagecuda.FlipDirection;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.Text;
import io.jimagecuda.Transform;
import io.jimagecuda.recipe.steps.TextSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recipe kept ready to run again and again with changed arguments: what an interactive editor needs.
 * Parsing, checking, loading input files and allocating images happen once, in the constructor; each
 * {@link #run()} then only resets the initial images (a fill, or a device copy of a loaded file), calls the
 * steps' ops on the images kept from the previous run and returns the output, which the session keeps
 * owning. Producer steps write into the image they made last time (the ops' {@code ...Into} forms) when
 * their op has one and the size still fits; otherwise the op makes a new image and the old one is freed.
 * Nothing waits for the GPU: on the CUDA backend a run only enqueues work on the library's stream, and a
 * {@code Presenter} (or any download) orders itself after it.
 *
 * <p>Runs start from the first step: in-place steps change their images, so starting later would need a
 * copy of every image as it was before the changed step. At the sizes an editor shows, the GPU runs a
 * whole recipe in far less time than the host takes to hand a frame to OpenGL.
 *
 * <pre>{@code
 * try (RecipeSession s = new RecipeSession(RecipeParser.parse(file), BackendKind.CUDA, inputs)) {
 *   Image out = s.run();                       // owned by the session
 *   s.set(3, "radius", 12);                    // step 3's parameter
 *   out = s.run();
 *   Files.writeString(file, RecipeWriter.toJson(s.recipe()));
 * }
 * }</pre>
 *
 * <p>One thread at a time; not thread-safe.
 */
public final class RecipeSession implements AutoCloseable {
  /** Writes a producer's result into an image it made before. */
  @FunctionalInterface
  private interface Into {
    void run(StepArgs args, Image dst);
  }

  private static final Map<String, Into> INTO = intoBindings();

  private final OpRegistry registry;
  private final BackendKind backend;
  private final Recipe original;
  private final Recipe.Step[] steps;
  /** The images of the recipe's {@code images} block, reset at the start of each run. */
  private final Map<String, Image> initial = new LinkedHashMap<>();
  /** Decoded input files, copied into their working image at the start of each run. */
  private final Map<String, Image> loaded = new HashMap<>();
  /** Each producer step's image, kept between runs. */
  private final @Nullable Image[] produced;
  /** Id → image while a run goes; reused between runs. */
  private final Map<String, Image> images = new HashMap<>();
  private @Nullable Image output;
  private int failedStep;
  private boolean closed;
  private long runs;

  /**
   * A session on every op of this build and the standard codec.
   *
   * @param recipe the recipe
   * @param backend where the images live
   * @param inputs the directory {@code {"load": file}} reads from
   * @throws RecipeException if an op is not implemented or an input file does not exist
   * @throws IOException if an input file cannot be read or decoded
   */
  public RecipeSession(Recipe recipe, BackendKind backend, Path inputs) throws IOException {
    this(recipe, OpRegistry.standard(), backend, inputs, ImageFiles.standard());
  }

  /**
   * A session with the given ops and codec. Loads the input files and creates the initial images now.
   *
   * @param recipe the recipe
   * @param registry the op bindings
   * @param backend where the images live
   * @param inputs the directory {@code {"load": file}} reads from
   * @param files the codec for loaded images
   * @throws RecipeException if an op is not implemented or an input file does not exist
   * @throws IOException if an input file cannot be read or decoded
   */
  public RecipeSession(Recipe recipe, OpRegistry registry, BackendKind backend, Path inputs, ImageFiles files)
      throws IOException {
    registry.unimplemented(recipe).ifPresent(message -> {
      throw new RecipeException(message);
    });
    this.registry = registry;
    this.backend = backend;
    this.original = recipe;
    this.steps = recipe.steps().toArray(new Recipe.Step[0]);
    this.produced = new Image[steps.length];
    try {
      for (Map.Entry<String, Recipe.ImageSource> e : recipe.images().entrySet()) {
        if (e.getValue() instanceof Recipe.NewImage n) {
          initial.put(e.getKey(), new Image(n.width(), n.height(), backend));
        } else {
          Path file = inputs.resolve(((Recipe.LoadImage) e.getValue()).file());
          if (!Files.isRegularFile(file)) {
            throw new RecipeException("image '" + e.getKey() + "': input file " + file + " does not exist");
          }
          Image pristine = files.load(file, backend);
          loaded.put(e.getKey(), pristine);
          initial.put(e.getKey(), new Image(pristine.width(), pristine.height(), backend));
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@return the backend the images live on} */
  public BackendKind backend() {
    return backend;
  }

  /** {@return the recipe with the arguments as they are now} */
  public Recipe recipe() {
    return new Recipe(original.name(), original.images(), List.of(steps), original.output(), original.tolerance());
  }

  /** {@return how many times {@link #run()} completed} */
  public long runs() {
    return runs;
  }

  /**
   * {@return the current value of a step's parameter (types as in {@link Recipe.Step#args()})}
   *
   * @param step the step's number, from 1
   * @param param the parameter's name
   * @throws IllegalArgumentException if there is no such step or parameter
   */
  public @Nullable Object get(int step, String param) {
    Recipe.Step s = step(step);
    param(s, param);
    return s.args().get(param);
  }

  /**
   * Changes a step's parameter for the next {@link #run()}. The value is checked against the op's signature
   * here (type, choices, null); whether the library accepts it (ranges) shows at the next run.
   *
   * @param step the step's number, from 1
   * @param param the parameter's name
   * @param value {@code String} (choices), {@code Integer}, any {@code Number} for floats, {@code Boolean},
   *     {@link Rgba}, {@code float[3]} (RGB), or {@code null} where the parameter allows it
   * @throws IllegalArgumentException if there is no such step or parameter, the parameter is an image
   *     operand, or the value does not have the parameter's type (the message says what is expected)
   */
  public void set(int step, String param, @Nullable Object value) {
    Recipe.Step s = step(step);
    Param p = param(s, param);
    Object checked = check(s, p, value);
    Map<String, @Nullable Object> args = new LinkedHashMap<>(s.args());
    args.put(param, checked);
    steps[step - 1] = new Recipe.Step(s.number(), s.op(), args, s.out());
  }

  private Recipe.Step step(int number) {
    if (number < 1 || number > steps.length) {
      throw new IllegalArgumentException("RecipeSession: step " + number + " does not exist (steps 1.."
          + steps.length + ")");
    }
    return steps[number - 1];
  }

  private static Param param(Recipe.Step s, String name) {
    return s.op().param(name).orElseThrow(() -> new IllegalArgumentException(s.where() + ": no parameter '"
        + name + "'"));
  }

  private static @Nullable Object check(Recipe.Step s, Param p, @Nullable Object v) {
    String where = s.where() + ": parameter '" + p.name() + "' must be " + p.expected() + ", got " + v;
    if (v == null) {
      if (p.nullable()) {
        return null;
      }
      throw new IllegalArgumentException(where);
    }
    switch (p.type()) {
      case IMAGE -> throw new IllegalArgumentException(s.where() + ": parameter '" + p.name()
          + "' names an image; image operands cannot be changed in a session");
      case CHOICE -> {
        if (v instanceof String str && p.choices().contains(str)) {
          return str;
        }
      }
      case INT -> {
        if (v instanceof Integer i) {
          return i;
        }
      }
      case FLOAT -> {
        if (v instanceof Number n && Float.isFinite(n.floatValue())) {
          return n.doubleValue();
        }
      }
      case BOOL -> {
        if (v instanceof Boolean b) {
          return b;
        }
      }
      case RGBA -> {
        if (v instanceof Rgba c) {
          return c;
        }
      }
      case RGB -> {
        if (v instanceof float[] f && f.length == 3) {
          return f.clone();
        }
      }
      default -> {
        // A type added to the format later (text): its values are strings.
        if (v instanceof String str) {
          return str;
        }
      }
    }
    throw new IllegalArgumentException(where);
  }

  /**
   * Runs the recipe with the current arguments and returns its output image, which the session owns: it
   * stays valid until the next run or {@link #close()}; do not free it.
   *
   * @return the output image
   * @throws RecipeException if the library rejects a step's arguments; the message names the step, the op
   *     and the library's reason. The session stays usable: fix the value and run again
   * @throws IllegalStateException if the session was closed
   */
  public Image run() {
    if (closed) {
      throw new IllegalStateException("RecipeSession.run: the session was closed");
    }
    images.clear();
    for (Map.Entry<String, Image> e : initial.entrySet()) {
      Image img = e.getValue();
      Image pristine = loaded.get(e.getKey());
      if (pristine == null) {
        Fill.color(img, Rgba.TRANSPARENT);
      } else {
        Images.copy(img, pristine);
      }
      images.put(e.getKey(), img);
    }
    failedStep = 0;
    for (int i = 0; i < steps.length; i++) {
      Recipe.Step step = steps[i];
      failedStep = step.number();
      try {
        StepArgs args = new StepArgs(step, images, backend);
        if (step.out() == null) {
          registry.run(step, args);
        } else {
          images.put(step.out(), produce(i, step, args));
        }
      } catch (IllegalArgumentException e) {
        throw new RecipeException(step.where() + ": " + e.getMessage(), e);
      }
    }
    failedStep = 0;
    output = images.get(original.output());
    runs++;
    return output;
  }

  /** A producer step's image: written into last run's image when possible, else made anew. */
  private Image produce(int i, Recipe.Step step, StepArgs args) {
    Image previous = produced[i];
    Into into = INTO.get(step.op().name());
    if (previous != null && into != null) {
      try {
        into.run(args, previous);
        return previous;
      } catch (CapacityExceededException e) {
        // the new size does not fit: make a new image below
      }
    }
    Image result = registry.run(step, args);
    if (result == null) {
      throw new IllegalStateException(step.where() + ": the binding returned no image");
    }
    if (previous != null && previous != result) {
      previous.free();
    }
    produced[i] = result;
    return result;
  }

  /** The {@code ...Into} forms of the producers that have one, bound like {@code steps/*Steps}. */
  private static Map<String, Into> intoBindings() {
    Map<String, Into> m = new HashMap<>();
    m.put("filter.gaussianBlur", (a, dst) -> {
      Filter.GaussianBlur o = Filter.GaussianBlur.DEFAULTS.withRadius(a.i32("radius"));
      Float sigma = a.f32OrNull("sigma");
      Filter.gaussianBlurInto(dst, a.image("src"), sigma == null ? o.withAutoSigma() : o.withSigma(sigma));
    });
    m.put("filter.sharpen", (a, dst) -> Filter.sharpenInto(dst, a.image("src"), a.f32("strength")));
    m.put("filter.sobel", (a, dst) -> Filter.sobelInto(dst, a.image("src")));
    m.put("filter.emboss", (a, dst) -> Filter.embossInto(dst, a.image("src"), a.f32("strength")));
    m.put("effect.dropShadow", (a, dst) -> Effect.dropShadowInto(dst, a.image("image"), Effect.DropShadow.DEFAULTS
        .withOffset(a.i32("offsetX"), a.i32("offsetY")).withBlur(a.i32("blur")).withColor(a.rgba("color"))
        .withExpand(a.bool("expand"))));
    m.put("effect.stroke", (a, dst) -> Effect.strokeInto(dst, a.image("image"), Effect.Stroke.DEFAULTS
        .withWidth(a.i32("width")).withColor(a.rgba("color"))
        .withPosition(StrokePosition.parse(a.choice("position"))).withExpand(a.bool("expand"))));
    m.put("transform.flip", (a, dst) -> Transform.flipInto(dst, a.image("image"),
        FlipDirection.parse(a.choice("direction"))));
    m.put("transform.crop", (a, dst) -> Transform.cropInto(dst, a.image("image"), a.i32("x"), a.i32("y"),
        a.i32("width"), a.i32("height")));
    m.put("text.create", (a, dst) -> Text.createInto(dst, a.string("text"), TextSteps.options(a)));
    return m;
  }

  /** {@return the number of the step the last {@link #run()} failed in, or 0 if it did not fail} */
  public int failedStep() {
    return failedStep;
  }

  /** {@return the output of the last run, or {@code null} before the first} */
  public @Nullable Image lastOutput() {
    return output;
  }

  /** Frees every image of the session (the output included); calling it again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Image> all = new ArrayList<>(initial.values());
    all.addAll(loaded.values());
    for (Image p : produced) {
      if (p != null) {
        all.add(p);
      }
    }
    for (Image img : all) {
      if (!img.isFreed()) {
        img.free();
      }
    }
    images.clear();
    output = null;
  }
}
