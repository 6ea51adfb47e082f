package io.jimagecuda.recipe;

/** The JSON value types a step parameter can have (see {@link Vocabulary}). */
public enum ParamType {
  /** The id of an image that exists when the step runs (a JSON string). */
  IMAGE("an image id (string)"),
  /** A JSON integer within the range of {@code int}. */
  INT("an integer"),
  /** Any finite JSON number; integers are accepted too. */
  FLOAT("a number"),
  /** {@code true} or {@code false}. */
  BOOL("true or false"),
  /** An array of exactly four numbers {@code [r, g, b, a]}. */
  RGBA("an array of 4 numbers [r, g, b, a]"),
  /** An array of exactly three numbers {@code [r, g, b]}. */
  RGB("an array of 3 numbers [r, g, b]"),
  /** One string of a fixed set ({@link Param#choices()}). */
  CHOICE("a string"),
  /** Any JSON string (free text: the text and font of {@code text.create}). */
  STRING("a string");

  private final String description;

  ParamType(String description) {
    this.description = description;
  }

  /** {@return what a valid value looks like, for error messages ("an integer")} */
  public String description() {
    return description;
  }
}
