package io.jimagecuda.recipe;

import java.util.List;

/**
 * One parameter of an op in the {@link Vocabulary}: its JSON key, its type, whether {@code null} (Python
 * {@code None}) is allowed, and for {@link ParamType#CHOICE} the allowed strings.
 *
 * @param name the JSON key, e.g. {@code "rgba"}
 * @param type the JSON value type
 * @param nullable whether {@code null} is allowed
 * @param choices the allowed strings of a {@link ParamType#CHOICE}; empty for the other types
 */
public record Param(String name, ParamType type, boolean nullable, List<String> choices) {
  /**
   * Copies {@code choices}.
   *
   * @param name the JSON key
   * @param type the JSON value type
   * @param nullable whether {@code null} is allowed
   * @param choices the allowed strings; empty unless {@code type} is {@link ParamType#CHOICE}
   */
  public Param {
    choices = List.copyOf(choices);
  }

  /**
   * {@return an image operand}
   *
   * @param name the JSON key
   */
  public static Param image(String name) {
    return new Param(name, ParamType.IMAGE, false, List.of());
  }

  /**
   * {@return an integer parameter}
   *
   * @param name the JSON key
   */
  public static Param i32(String name) {
    return new Param(name, ParamType.INT, false, List.of());
  }

  /**
   * {@return a float parameter; integers are accepted}
   *
   * @param name the JSON key
   */
  public static Param f32(String name) {
    return new Param(name, ParamType.FLOAT, false, List.of());
  }

  /**
   * {@return a boolean parameter}
   *
   * @param name the JSON key
   */
  public static Param bool(String name) {
    return new Param(name, ParamType.BOOL, false, List.of());
  }

  /**
   * {@return a straight RGBA colour parameter}
   *
   * @param name the JSON key
   */
  public static Param rgba(String name) {
    return new Param(name, ParamType.RGBA, false, List.of());
  }

  /**
   * {@return an RGB triple parameter}
   *
   * @param name the JSON key
   */
  public static Param rgb(String name) {
    return new Param(name, ParamType.RGB, false, List.of());
  }

  /**
   * {@return a parameter that is one of {@code choices}}
   *
   * @param name the JSON key
   * @param choices the allowed strings, as the reference spells them
   */
  public static Param choice(String name, String... choices) {
    return new Param(name, ParamType.CHOICE, false, List.of(choices));
  }

  /**
   * {@return a free-text string parameter}
   *
   * @param name the JSON key
   */
  public static Param string(String name) {
    return new Param(name, ParamType.STRING, false, List.of());
  }

  /** {@return this parameter, with {@code null} allowed} */
  public Param orNull() {
    return new Param(name, type, true, choices);
  }

  /** {@return what a valid value looks like, for error messages} */
  public String expected() {
    String what = type == ParamType.CHOICE ? "one of " + String.join(", ", choices) : type.description();
    return nullable ? what + " or null" : what;
  }
}
