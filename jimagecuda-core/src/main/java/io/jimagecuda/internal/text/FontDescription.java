package io.jimagecuda.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Pango-style font description, {@code "<family> [style words] [size]"}: {@code "Sans"},
 * {@code "DejaVu Sans Bold Italic"}, {@code "Monospace 20"}. Style words are read from the end, case
 * insensitive: {@code Normal}, {@code Roman}, {@code Italic}, {@code Oblique} and the weights {@code Thin}
 * (100), {@code Ultra-Light}/{@code Extra-Light} (200), {@code Light} (300), {@code Semi-Light} (350),
 * {@code Book} (380), {@code Regular} (400), {@code Medium} (500), {@code Semi-Bold}/{@code Demi-Bold}
 * (600), {@code Bold} (700), {@code Ultra-Bold}/{@code Extra-Bold} (800), {@code Heavy}/{@code Black}
 * (900), {@code Ultra-Heavy} (1000). The rest is the family; an empty family is {@code Sans}.
 *
 * @param family the family name (or comma-separated list)
 * @param weight the weight, 0 when the description names none
 * @param italic 1 italic/oblique, 0 roman, -1 not named
 * @param size the size in pixels if the description ends with one (markup {@code font="..."}), else NaN
 */
public record FontDescription(String family, int weight, int italic, float size) {
  private static final Map<String, Integer> WEIGHTS = Map.ofEntries(
      Map.entry("thin", 100), Map.entry("ultra-light", 200), Map.entry("extra-light", 200),
      Map.entry("ultralight", 200), Map.entry("extralight", 200), Map.entry("light", 300),
      Map.entry("semi-light", 350), Map.entry("demi-light", 350), Map.entry("semilight", 350),
      Map.entry("book", 380), Map.entry("regular", 400), Map.entry("medium", 500),
      Map.entry("semi-bold", 600), Map.entry("demi-bold", 600), Map.entry("semibold", 600),
      Map.entry("demibold", 600), Map.entry("bold", 700), Map.entry("ultra-bold", 800),
      Map.entry("extra-bold", 800), Map.entry("ultrabold", 800), Map.entry("extrabold", 800),
      Map.entry("heavy", 900), Map.entry("black", 900), Map.entry("ultra-heavy", 1000),
      Map.entry("extra-heavy", 1000), Map.entry("ultraheavy", 1000));

  /**
   * Parses a description.
   *
   * @param description the text
   * @param allowSize whether a trailing size ({@code 12}, {@code 12px}) is allowed (markup) or an error
   *     (the {@code font} option, whose size is the separate {@code size} option)
   * @return the description
   * @throws IllegalArgumentException for a size where none is allowed, or a size that is not positive
   */
  public static FontDescription parse(String description, boolean allowSize) {
    List<String> words = new ArrayList<>(Arrays.asList(description.trim().split("\\s+")));
    words.removeIf(String::isEmpty);
    float size = Float.NaN;
    if (!words.isEmpty() && words.get(words.size() - 1).matches("[0-9]+(\\.[0-9]+)?(px)?")) {
      String last = words.remove(words.size() - 1).replace("px", "");
      if (!allowSize) {
        throw new IllegalArgumentException("font '" + description + "' ends with a size (" + last
            + "): give the size in the size parameter and only family and style words here");
      }
      size = Float.parseFloat(last);
      if (!(size > 0)) {
        throw new IllegalArgumentException("font '" + description + "': the size must be positive, got "
            + last);
      }
    }
    int weight = 0;
    int italic = -1;
    while (!words.isEmpty() && isStyleWord(words.get(words.size() - 1))) {
      String w = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
      if (w.equals("italic") || w.equals("oblique")) {
        italic = 1;
      } else if (w.equals("roman")) {
        italic = 0;
      } else if (w.equals("normal")) {
        italic = Math.max(italic, 0);
        weight = weight == 0 ? 400 : weight;
      } else {
        weight = WEIGHTS.get(w);
      }
      words.remove(words.size() - 1);
    }
    String family = words.isEmpty() ? "Sans" : String.join(" ", words);
    return new FontDescription(family, weight, italic, size);
  }

  private static boolean isStyleWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return WEIGHTS.containsKey(w) || w.equals("italic") || w.equals("oblique") || w.equals("roman")
        || w.equals("normal");
  }

  /**
   * Parses a weight as markup writes it: a number 100..1000 or a word ({@code bold}, {@code light},
   * {@code ultrabold}, ...).
   *
   * @param value the attribute's value
   * @return the weight, or -1 if it is not one
   */
  public static int weight(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("normal")) {
      return 400;
    }
    Integer w = WEIGHTS.get(v);
    if (w != null) {
      return w;
    }
    if (v.matches("[0-9]{3,4}")) {
      int n = Integer.parseInt(v);
      return n >= 100 && n <= 1000 ? n : -1;
    }
    return -1;
  }
}
