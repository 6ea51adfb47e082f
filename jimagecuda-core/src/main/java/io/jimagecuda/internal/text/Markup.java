package io.jimagecuda.internal.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parser for the subset of Pango markup that {@code Text.create} understands, into plain text and
 * styled runs. Every text is parsed as markup, as the reference does: a literal {@code <} or {@code &}
 * must be written {@code &lt;} / {@code &amp;}.
 *
 * <ul>
 *   <li>Tags: {@code <b>}, {@code <i>}, {@code <u>}, {@code <s>}, {@code <tt>} (monospace),
 *       {@code <big>}/{@code <small>} (size ×1.2 / ÷1.2, nesting), {@code <sup>}, {@code <sub>} and
 *       {@code <span>}; {@code <tag/>} is an empty element.</li>
 *   <li>{@code <span>} attributes: {@code font}/{@code font_desc} (a font description, size allowed),
 *       {@code font_family}/{@code face}, {@code size}/{@code font_size} (1024ths of a point,
 *       {@code 12pt}, {@code 150%}, {@code xx-small} .. {@code xx-large}, {@code smaller},
 *       {@code larger}), {@code style}/{@code font_style} ({@code normal}, {@code italic},
 *       {@code oblique}), {@code weight}/{@code font_weight}, {@code underline} ({@code none},
 *       {@code single}, {@code double}, {@code low}, {@code error}: all but none draw one line),
 *       {@code strikethrough} ({@code true}/{@code false}), {@code letter_spacing} (1024ths of a point),
 *       {@code lang} (accepted, no effect). The colour attributes {@code foreground}/{@code fgcolor}/
 *       {@code color}, {@code background}/{@code bgcolor}, {@code underline_color},
 *       {@code strikethrough_color}, {@code alpha}/{@code fgalpha}/{@code bgalpha} are checked and then
 *       discarded: every glyph gets the text colour (spec §3.8).</li>
 *   <li>Entities {@code &amp; &lt; &gt; &quot; &apos;} and character references {@code &#NNN;},
 *       {@code &#xHH;}.</li>
 * </ul>
 * Anything else (an unknown tag or attribute, a bad value, an unclosed or mismatched tag, a bare
 * {@code <} or {@code &}) is an {@link IllegalArgumentException} that names the position.
 */
public final class Markup {
  /** Pango's scale step of {@code <big>}, {@code <small>} and the size keywords. */
  static final float SCALE_STEP = 1.2f;
  private static final Map<String, Integer> SIZE_KEYWORDS = Map.of("xx-small", -3, "x-small", -2, "small", -1,
      "medium", 0, "large", 1, "x-large", 2, "xx-large", 3);

  /**
   * Plain text with its runs.
   *
   * @param text the characters to lay out (markup and entities resolved)
   * @param runs consecutive runs covering {@code text}, each with its style
   */
  public record StyledText(String text, List<Run> runs) {
  }

  /**
   * Characters {@code [start, end)} of the plain text and their style.
   *
   * @param start first character
   * @param end one past the last
   * @param style the style
   */
  public record Run(int start, int end, SpanStyle style) {
  }

  private final String src;
  private final Predicate<String> familyExists;
  private final StringBuilder out = new StringBuilder();
  private final List<Run> runs = new ArrayList<>();
  private final Deque<Open> stack = new ArrayDeque<>();
  private SpanStyle style;
  private int runStart;

  private record Open(String tag, int position, SpanStyle outer) {
  }

  private Markup(String src, SpanStyle base, Predicate<String> familyExists) {
    this.src = src;
    this.style = base;
    this.familyExists = familyExists;
  }

  /**
   * Parses {@code markup}.
   *
   * @param markup the text with markup
   * @param base the style outside every span
   * @param familyExists whether a family named in markup resolves ({@code font_family}, {@code font},
   *     {@code <tt>}); an unknown one is an error
   * @return the plain text and its runs
   * @throws IllegalArgumentException "invalid markup in text at index N (line L, column C): ..."
   */
  public static StyledText parse(String markup, SpanStyle base, Predicate<String> familyExists) {
    return new Markup(markup, base, familyExists).run();
  }

  private StyledText run() {
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '<') {
        i = tag(i);
      } else if (c == '&') {
        i = entity(i);
      } else {
        out.append(c);
        i++;
      }
    }
    if (!stack.isEmpty()) {
      Open o = stack.peek();
      throw error(o.position(), "<" + o.tag() + "> is never closed (add </" + o.tag() + ">)");
    }
    closeRun();
    return new StyledText(out.toString(), List.copyOf(runs));
  }

  /** Ends the current run at the current output position (a style is about to change). */
  private void closeRun() {
    if (out.length() > runStart) {
      runs.add(new Run(runStart, out.length(), style));
      runStart = out.length();
    }
  }

  private int tag(int at) {
    int end = tagEnd(at);
    String body = src.substring(at + 1, end).trim();
    if (body.startsWith("/")) {
      String name = body.substring(1).trim();
      if (stack.isEmpty()) {
        throw error(at, "</" + name + "> closes nothing (write &lt; for a literal '<')");
      }
      Open o = stack.peek();
      if (!o.tag().equals(name)) {
        throw error(at, "</" + name + "> does not match <" + o.tag() + "> opened at index " + o.position());
      }
      stack.pop();
      closeRun();
      style = o.outer();
      return end + 1;
    }
    boolean empty = body.endsWith("/");
    if (empty) {
      body = body.substring(0, body.length() - 1).trim();
    }
    int space = 0;
    while (space < body.length() && !Character.isWhitespace(body.charAt(space))) {
      space++;
    }
    String name = body.substring(0, space);
    if (name.isEmpty()) {
      throw error(at, "'<' without a tag name (write &lt; for a literal '<')");
    }
    Map<String, String> attrs = attributes(body.substring(space), at);
    SpanStyle next = apply(name, attrs, at);
    if (!empty) {
      closeRun();
      stack.push(new Open(name, at, style));
      style = next;
    }
    return end + 1;
  }

  /** Index of the '>' that ends the tag starting at {@code at}, skipping quoted attribute values. */
  private int tagEnd(int at) {
    char quote = 0;
    for (int i = at + 1; i < src.length(); i++) {
      char c = src.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      } else if (c == '<') {
        break;
      }
    }
    throw error(at, "'<' starts a tag that is never closed with '>' (write &lt; for a literal '<')");
  }

  private Map<String, String> attributes(String s, int at) {
    Map<String, String> attrs = new LinkedHashMap<>();
    int i = 0;
    while (true) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length()) {
        return attrs;
      }
      int nameStart = i;
      while (i < s.length() && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String name = s.substring(nameStart, i);
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length() || s.charAt(i) != '=') {
        throw error(at, "attribute '" + name + "' has no value (write " + name + "=\"...\")");
      }
      i++;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'')) {
        throw error(at, "the value of attribute '" + name + "' must be quoted");
      }
      char q = s.charAt(i);
      int close = s.indexOf(q, i + 1);
      attrs.put(name, unescape(s.substring(i + 1, close), at));
      i = close + 1;
    }
  }

  private String unescape(String v, int at) {
    if (v.indexOf('&') < 0) {
      return v;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '&') {
        int semi = v.indexOf(';', i);
        if (semi < 0) {
          throw error(at, "'&' in an attribute value must start an entity such as &amp;");
        }
        b.appendCodePoint(entityValue(v.substring(i + 1, semi), at));
        i = semi;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private int entity(int at) {
    int semi = -1;
    for (int i = at + 1; i < src.length() && i < at + 12; i++) {
      char c = src.charAt(i);
      if (c == ';') {
        semi = i;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') {
        break;
      }
    }
    if (semi < 0) {
      throw error(at, "'&' must start an entity: write &amp; for a literal '&'");
    }
    out.appendCodePoint(entityValue(src.substring(at + 1, semi), at));
    return semi + 1;
  }

  private int entityValue(String name, int at) {
    switch (name) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        break;
    }
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return checkedCodePoint(Integer.parseInt(name.substring(2), 16), name, at);
      }
      if (name.startsWith("#")) {
        return checkedCodePoint(Integer.parseInt(name.substring(1)), name, at);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(at, "unknown entity &" + name + "; (known: &amp; &lt; &gt; &quot; &apos; &#N; &#xH;)");
  }

  private int checkedCodePoint(int cp, String name, int at) {
    if (cp <= 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error(at, "&" + name + "; is not a valid character");
    }
    return cp;
  }

  private SpanStyle apply(String tag, Map<String, String> attrs, int at) {
    if (!tag.equals("span") && !attrs.isEmpty()) {
      throw error(at, "<" + tag + "> takes no attributes (use <span ...>)");
    }
    switch (tag) {
      case "b":
        return style.withWeight(SpanStyle.BOLD);
      case "i":
        return style.withItalic(true);
      case "u":
        return style.withUnderline(true);
      case "s":
        return style.withStrikethrough(true);
      case "tt":
        return family(style, "Monospace", at);
      case "big":
        return style.withScale(style.scale() * SCALE_STEP);
      case "small":
        return style.withScale(style.scale() / SCALE_STEP);
      case "sup":
        return style.withScript(1);
      case "sub":
        return style.withScript(-1);
      case "span":
        return span(attrs, at);
      default:
        throw error(at, "unknown tag <" + tag + "> (known: b, i, u, s, tt, big, small, sup, sub, span)");
    }
  }

  private SpanStyle span(Map<String, String> attrs, int at) {
    SpanStyle s = style;
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      String name = e.getKey();
      String v = e.getValue().trim();
      switch (name) {
        case "font", "font_desc" -> {
          FontDescription d;
          try {
            d = FontDescription.parse(v, true);
          } catch (IllegalArgumentException ex) {
            throw error(at, ex.getMessage());
          }
          s = family(s, d.family(), at);
          if (d.weight() > 0) {
            s = s.withWeight(d.weight());
          }
          if (d.italic() >= 0) {
            s = s.withItalic(d.italic() > 0);
          }
          if (!Float.isNaN(d.size())) {
            s = s.withSize(d.size());
          }
        }
        case "font_family", "face" -> s = family(s, v, at);
        case "size", "font_size" -> s = size(s, v, at);
        case "style", "font_style" -> {
          switch (v.toLowerCase(Locale.ROOT)) {
            case "normal" -> s = s.withItalic(false);
            case "italic", "oblique" -> s = s.withItalic(true);
            default -> throw badValue(at, name, v, "normal, italic or oblique");
          }
        }
        case "weight", "font_weight" -> {
          int w = FontDescription.weight(v);
          if (w < 0) {
            throw badValue(at, name, v, "100..1000 or a name such as normal, bold, light, ultrabold, heavy");
          }
          s = s.withWeight(w);
        }
        case "underline" -> {
          switch (v.toLowerCase(Locale.ROOT)) {
            case "none", "false" -> s = s.withUnderline(false);
            case "single", "double", "low", "error", "true" -> s = s.withUnderline(true);
            default -> throw badValue(at, name, v, "none, single, double, low or error");
          }
        }
        case "strikethrough" -> s = s.withStrikethrough(bool(at, name, v));
        case "letter_spacing" -> {
          if (!v.matches("-?[0-9]{1,9}")) {
            throw badValue(at, name, v, "an integer in 1024ths of a point");
          }
          s = s.withLetterSpacing(Integer.parseInt(v) / 1024f);
        }
        case "foreground", "fgcolor", "color", "background", "bgcolor", "underline_color",
            "strikethrough_color" -> checkColor(at, name, v);
        case "alpha", "fgalpha", "bgalpha" -> {
          if (!v.matches("[0-9]{1,3}(\\.[0-9]+)?%|[0-9]{1,5}")) {
            throw badValue(at, name, v, "a percentage such as 50% or 1..65535");
          }
        }
        case "lang" -> {
          // accepted: Java2D's layout does not take a language
        }
        default -> throw error(at, "attribute '" + name + "' is not supported on <span> (supported: font, "
            + "font_family, face, size, style, weight, underline, strikethrough, letter_spacing, foreground, "
            + "background, alpha, lang)");
      }
    }
    return s;
  }

  private SpanStyle family(SpanStyle s, String family, int at) {
    for (String f : family.split(",")) {
      if (!f.isBlank() && familyExists.test(f.trim())) {
        return s.withFamily(f.trim());
      }
    }
    throw error(at, "unknown font family '" + family + "'" + FontLibrary.suggestion(family));
  }

  private SpanStyle size(SpanStyle s, String v, int at) {
    String low = v.toLowerCase(Locale.ROOT);
    Integer keyword = SIZE_KEYWORDS.get(low);
    float value;
    if (keyword != null) {
      return s.withScale((float) Math.pow(SCALE_STEP, keyword));
    } else if (low.equals("smaller")) {
      return s.withScale(s.scale() / SCALE_STEP);
    } else if (low.equals("larger")) {
      return s.withScale(s.scale() * SCALE_STEP);
    } else if (low.matches("[0-9]+(\\.[0-9]+)?%")) {
      value = Float.parseFloat(low.substring(0, low.length() - 1)) / 100f;
      if (value > 0) {
        return s.withScale(s.scale() * value);
      }
    } else if (low.matches("[0-9]+(\\.[0-9]+)?pt")) {
      value = Float.parseFloat(low.substring(0, low.length() - 2));
      if (value > 0) {
        return s.withSize(value);
      }
    } else if (low.matches("[0-9]{1,9}")) {
      value = Integer.parseInt(low) / 1024f;
      if (value > 0) {
        return s.withSize(value);
      }
    }
    throw badValue(at, "size", v, "a positive size: 1024ths of a point (20480), 20pt, 150%, xx-small .. "
        + "xx-large, smaller or larger");
  }

  private boolean bool(int at, String name, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw badValue(at, name, v, "true or false");
    };
  }

  private void checkColor(int at, String name, String v) {
    if (!v.matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}|[0-9a-fA-F]{9}|[0-9a-fA-F]{12})")
        && !v.matches("[A-Za-z][A-Za-z ]*")) {
      throw badValue(at, name, v, "a colour such as #ff8000 or red");
    }
  }

  private IllegalArgumentException badValue(int at, String attr, String value, String expected) {
    return error(at, "attribute " + attr + "=\"" + value + "\": expected " + expected);
  }

  private IllegalArgumentException error(int at, String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < at && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new IllegalArgumentException("invalid markup in text at index " + at + " (line " + line
        + ", column " + column + "): " + what);
  }
}
