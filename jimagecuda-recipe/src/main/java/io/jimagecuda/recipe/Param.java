package io.jimagecuda.recipe;

import java.util.List;

/**
 * One parameter of an op in the {@link Vocabulary}: its JSON key, its type, whether {@code null} (Python
 * {@code None}) is allowed, and for {@link ParamType#CHOICE} the allowed strings.
 */
public record Param(String name, ParamType type, boolean nullable, List<String> choices) {
  /** Copies {@code choices}. */
  public Param {
    choices = List.copyOf(choices);
  }

  /** An image operand. */
  public static Param image(String name) {
    return new Param(name, ParamType.IMAGE, false, List.of());
  }

  /** An integer. */
  public static Param i32(String name) {
    return new Param(name, ParamType.INT, false, List.of());
  }

  /** A float; integers are accepted. */
  public static Param f32(String name) {
    return new Param(name, ParamType.FLOAT, false, List.of());
  }

  /** A boolean. */
  public static Param bool(String name) {
    return new Param(name, ParamType.BOOL, false, List.of());
  }

  /** A straight RGBA colour. */
  public static Param rgba(String name) {
    return new Param(name, ParamType.RGBA, false, List.of());
  }

  /** An RGB triple. */
  public static Param rgb(String name) {
    return new Param(name, ParamType.RGB, false, List.of());
  }

  /** One of {@code choices}. */
  public static Param choice(String name, String... choices) {
    return new Param(name, ParamType.CHOICE, false, List.of(choices));
  }

  /** This parameter, with {@code null} allowed. */
  public Param orNull() {
    return new Param(name, type, true, choices);
  }

  /** What a valid value looks like, for error messages. */
  public String expected() {
    String what = type == ParamType.CHOICE ? "one of " + String.join(", ", choices) : type.description();
    return nullable ? what + " or null" : what;
  }
}
