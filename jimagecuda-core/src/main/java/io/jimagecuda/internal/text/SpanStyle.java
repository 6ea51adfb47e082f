package io.jimagecuda.internal.text;

/**
 * The style of a run of text: what the base options set, changed by markup spans.
 *
 * @param family the family name (possibly a comma-separated list, the first that resolves wins)
 * @param size the size in pixels (= points at 72 dpi) before {@code scale}
 * @param scale the factor of {@code <big>}, {@code <small>} and the size keywords
 * @param weight the CSS/Pango weight, 100..1000 (400 normal, 700 bold); 600 and above is bold
 * @param italic italic or oblique
 * @param underline underlined
 * @param strikethrough struck through
 * @param letterSpacing extra space after each character, in pixels
 * @param script 0 normal, 1 superscript, -1 subscript
 */
public record SpanStyle(String family, float size, float scale, int weight, boolean italic, boolean underline,
    boolean strikethrough, float letterSpacing, int script) {
  /** Weight {@code normal}. */
  public static final int NORMAL = 400;
  /** Weight {@code bold}. */
  public static final int BOLD = 700;

  /**
   * The base style of a {@code Text.create} call.
   *
   * @param description the parsed font description
   * @param size the size in pixels
   * @param letterSpacing the letter spacing in pixels
   * @return the style
   */
  public static SpanStyle base(FontDescription description, float size, float letterSpacing) {
    return new SpanStyle(description.family(), size, 1f,
        description.weight() > 0 ? description.weight() : NORMAL, description.italic() > 0, false, false,
        letterSpacing, 0);
  }

  /** {@return the size in pixels the glyphs get: {@code size · scale}} */
  public float effectiveSize() {
    return size * scale;
  }

  /** {@return whether the weight asks for a bold face (600 and above)} */
  public boolean bold() {
    return weight >= 600;
  }

  SpanStyle withFamily(String f) {
    return new SpanStyle(f, size, scale, weight, italic, underline, strikethrough, letterSpacing, script);
  }

  SpanStyle withSize(float s) {
    return new SpanStyle(family, s, scale, weight, italic, underline, strikethrough, letterSpacing, script);
  }

  SpanStyle withScale(float s) {
    return new SpanStyle(family, size, s, weight, italic, underline, strikethrough, letterSpacing, script);
  }

  SpanStyle withWeight(int w) {
    return new SpanStyle(family, size, scale, w, italic, underline, strikethrough, letterSpacing, script);
  }

  SpanStyle withItalic(boolean i) {
    return new SpanStyle(family, size, scale, weight, i, underline, strikethrough, letterSpacing, script);
  }

  SpanStyle withUnderline(boolean u) {
    return new SpanStyle(family, size, scale, weight, italic, u, strikethrough, letterSpacing, script);
  }

  SpanStyle withStrikethrough(boolean s) {
    return new SpanStyle(family, size, scale, weight, italic, underline, s, letterSpacing, script);
  }

  SpanStyle withLetterSpacing(float l) {
    return new SpanStyle(family, size, scale, weight, italic, underline, strikethrough, l, script);
  }

  SpanStyle withScript(int s) {
    return new SpanStyle(family, size, scale, weight, italic, underline, strikethrough, letterSpacing, s);
  }
}
