package io.jimagecuda.recipe;

import java.util.List;
import java.util.Optional;

/**
 * The signature of one op of the recipe format: its name ({@code family.operation}), its parameters in
 * the reference's order, and whether it returns a new image (then the step also names it in {@code out})
 * or works in place.
 *
 * @param name {@code family.operation}, e.g. {@code "fill.color"}
 * @param params the parameters in the reference's order
 * @param returnsImage whether the op makes a new image (named by the step's {@code out})
 */
public record OpSpec(String name, List<Param> params, boolean returnsImage) {
  /** The step key that names a producer's new image. */
  public static final String OUT = "out";

  /**
   * Copies {@code params}.
   *
   * @param name {@code family.operation}
   * @param params the parameters in the reference's order
   * @param returnsImage whether the op makes a new image
   */
  public OpSpec {
    params = List.copyOf(params);
  }

  /** {@return the family, the part before the dot ({@code "fill"} for {@code "fill.color"})} */
  public String family() {
    return name.substring(0, name.indexOf('.'));
  }

  /**
   * {@return the parameter called {@code name}, if the op has one}
   *
   * @param name the JSON key
   */
  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
