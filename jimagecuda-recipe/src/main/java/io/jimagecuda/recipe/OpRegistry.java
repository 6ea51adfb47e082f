package io.jimagecuda.recipe;

import io.jimagecuda.Image;
import io.jimagecuda.recipe.steps.AdjustSteps;
import io.jimagecuda.recipe.steps.BlendSteps;
import io.jimagecuda.recipe.steps.EffectSteps;
import io.jimagecuda.recipe.steps.FillSteps;
import io.jimagecuda.recipe.steps.ResizeSteps;
import io.jimagecuda.recipe.steps.TransformSteps;
import io.jimagecuda.recipe.steps.FilterSteps;
import io.jimagecuda.recipe.steps.TextSteps;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which ops of the {@link Vocabulary} can run, and how: each maps to a binding that calls the library.
 * Every family registers its ops from its own class ({@code steps/FillSteps}, ...), so one op is one
 * line there. An op of the vocabulary without a binding is "not implemented yet"; a recipe using it
 * parses, but does not run.
 */
public final class OpRegistry {
  /** A binding of an op that works in place (its {@link OpSpec#returnsImage()} is false). */
  @FunctionalInterface
  public interface InPlace {
    /**
     * Runs the op on the step's arguments.
     *
     * @param args the step's arguments, typed by the op's signature
     */
    void run(StepArgs args);
  }

  /** A binding of an op that returns a new image, which the runner stores under the step's {@code out}. */
  @FunctionalInterface
  public interface Producer {
    /**
     * Runs the op on the step's arguments and returns the new image, which the caller owns.
     *
     * @param args the step's arguments, typed by the op's signature
     * @return the new image
     */
    Image run(StepArgs args);
  }

  /** What {@link #run} calls: a producer's binding, or an in-place one that returns {@code null}. */
  private interface Binding {
    @Nullable Image run(StepArgs args);
  }

  private final Map<String, Binding> bindings = new HashMap<>();

  /** An empty registry, for tests and for callers that bind ops of their own. */
  public OpRegistry() {
  }

  /** {@return a registry with every family this build implements} */
  public static OpRegistry standard() {
    OpRegistry registry = new OpRegistry();
    FillSteps.register(registry);
    AdjustSteps.register(registry);
    BlendSteps.register(registry);
    ResizeSteps.register(registry);
    TransformSteps.register(registry);
    EffectSteps.register(registry);
    FilterSteps.register(registry);
    TextSteps.register(registry);
    return registry;
  }

  /**
   * Binds an in-place op.
   *
   * @param op the op's name in the vocabulary, e.g. {@code "fill.color"}
   * @param binding what runs it
   * @throws IllegalArgumentException if {@code op} is not in the vocabulary, returns an image, or is
   *     bound already
   */
  public void inPlace(String op, InPlace binding) {
    spec(op, false);
    bindings.put(op, args -> {
      binding.run(args);
      return null;
    });
  }

  /**
   * Binds an op that returns a new image.
   *
   * @param op the op's name in the vocabulary
   * @param binding what runs it
   * @throws IllegalArgumentException if {@code op} is not in the vocabulary, works in place, or is bound
   *     already
   */
  public void producer(String op, Producer binding) {
    spec(op, true);
    bindings.put(op, binding::run);
  }

  private void spec(String op, boolean returnsImage) {
    OpSpec spec = Vocabulary.find(op).orElseThrow(() -> new IllegalArgumentException(
        "op '" + op + "' is not in the recipe vocabulary"));
    if (spec.returnsImage() != returnsImage) {
      throw new IllegalArgumentException("op '" + op + "' " + (spec.returnsImage()
          ? "returns an image: bind it with producer()" : "works in place: bind it with inPlace()"));
    }
    if (bindings.containsKey(op)) {
      throw new IllegalArgumentException("op '" + op + "' is bound already");
    }
  }

  /**
   * {@return whether {@code op} has a binding}
   *
   * @param op the op's name
   */
  public boolean isImplemented(String op) {
    return bindings.containsKey(op);
  }

  /**
   * {@return the first step of {@code recipe} whose op has no binding, as the message "op 'blend.normal'
   * is not implemented yet (step 3)"; empty if every op can run}
   *
   * @param recipe the recipe
   */
  public Optional<String> unimplemented(Recipe recipe) {
    return recipe.steps().stream()
        .filter(s -> !isImplemented(s.op().name()))
        .findFirst()
        .map(OpRegistry::notImplemented);
  }

  private static String notImplemented(Recipe.Step step) {
    return "op '" + step.op().name() + "' is not implemented yet (step " + step.number() + ")";
  }

  /**
   * Runs one step; returns the new image of a producer, {@code null} for an in-place op.
   *
   * @throws RecipeException if the op has no binding
   */
  @Nullable Image run(Recipe.Step step, StepArgs args) {
    Binding binding = bindings.get(step.op().name());
    if (binding == null) {
      throw new RecipeException(notImplemented(step));
    }
    return binding.run(args);
  }
}
