package io.jimagecuda.recipe;

import java.util.List;
import java.util.Optional;

/**
 * The signature of one op of the recipe format: its name ({@code family.operation}), its parameters in
 * the reference's order, and whether it returns a new image (then the step also names it in {@code out})
 * or works in place.
 */
public record OpSpec(String name, List<Param> params, boolean returnsImage) {
  /** The step key that names a producer's new image. */
  public static final String OUT = "out";

  /** Copies {@code params}. */
  public OpSpec {
    params = List.copyOf(params);
  }

  /** The family, the part before the dot ({@code "fill"} for {@code "fill.color"}). */
  public String family() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The parameter called {@code name}, if the op has one. */
  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
