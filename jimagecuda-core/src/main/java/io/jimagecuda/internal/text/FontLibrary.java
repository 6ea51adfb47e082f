package io.jimagecuda.internal.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The fonts {@code Text} can name: the bundled DejaVu Sans and DejaVu Sans Mono, fonts registered from
 * files or resources ({@code Text.Font}), and the system's families (through {@link GraphicsEnvironment},
 * looked up once). Lookups are case-insensitive and cached; an unknown family is {@code null} here and an
 * error in the API layer, which lists {@link #closeMatches}.
 *
 * <p>Generic names, as Pango/fontconfig understand them: {@code Sans}, {@code Sans-Serif},
 * {@code SansSerif} are the bundled DejaVu Sans and {@code Monospace}, {@code Mono}, {@code Monospaced} the
 * bundled DejaVu Sans Mono, on every machine (deterministic output); {@code Serif} is Java's logical serif
 * font, which every JDK has but whose face depends on the machine.
 */
public final class FontLibrary {
  /** The family of the bundled proportional font. */
  public static final String BUNDLED_SANS = "DejaVu Sans";
  /** The family of the bundled monospaced font. */
  public static final String BUNDLED_MONO = "DejaVu Sans Mono";

  /** One face of a registered family and the style it was designed with. */
  private record Face(Font font, boolean bold, boolean italic) {
  }

  /** Families registered in this library (bundled and user-loaded), by lower-case family name. */
  private static final Map<String, List<Face>> REGISTERED = new ConcurrentHashMap<>();
  /** Canonical spelling of every registered family, by lower-case name. */
  private static final Map<String, String> REGISTERED_NAMES = new ConcurrentHashMap<>();
  /** Resolved families (successful lookups only), by lower-case name. */
  private static final Map<String, Family> CACHE = new ConcurrentHashMap<>();
  private static volatile @Nullable Map<String, String> systemFamilies;

  static {
    register(load(FontLibrary.class, "fonts/DejaVuSans.ttf"));
    register(load(FontLibrary.class, "fonts/DejaVuSansMono.ttf"));
  }

  private FontLibrary() {
  }

  /**
   * A family that {@link #find} resolved: it derives the font for a style.
   */
  public static final class Family {
    private final String name;
    private final @Nullable List<Face> faces; // registered family
    private final @Nullable String systemName; // system or logical family

    private Family(String name, @Nullable List<Face> faces, @Nullable String systemName) {
      this.name = name;
      this.faces = faces;
      this.systemName = systemName;
    }

    /** {@return the family's name as its font spells it} */
    public String name() {
      return name;
    }

    /**
     * The face to derive from for a weight and posture, with what Java2D must still synthesise.
     *
     * @param bold whether a bold face is wanted (weight at least {@code TextAttribute.WEIGHT_BOLD})
     * @param italic whether an italic or oblique face is wanted
     * @return the font (size 1) and whether bold and italic must be synthesised (algorithmic style)
     */
    Base base(boolean bold, boolean italic) {
      if (faces == null) {
        // System fonts: Java2D picks the family's bold/italic face itself, synthesising the style only
        // where the family has none.
        int style = (bold ? Font.BOLD : 0) | (italic ? Font.ITALIC : 0);
        return new Base(new Font(systemName, style, 1), false, false);
      }
      Face best = null;
      int bestScore = -1;
      for (Face f : faces) {
        int score = (f.bold() == bold ? 2 : 0) + (f.italic() == italic ? 1 : 0);
        if (score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
      return new Base(best.font(), bold && !best.bold(), italic && !best.italic());
    }
  }

  /** A face to derive from, and the styles Java2D must synthesise on it. */
  record Base(Font font, boolean synthBold, boolean synthItalic) {
  }

  /**
   * Registers a font's face under its family name ({@link Font#getFamily(Locale)} in {@code Locale.ROOT}),
   * so that text can name the family; a family may get several faces (regular, bold, ...). A face that
   * the family already has (same font name) is replaced.
   *
   * @param font a font created with {@link Font#createFont}
   * @return the family name to use in font descriptions
   */
  public static String register(Font font) {
    String family = font.getFamily(Locale.ROOT);
    String key = family.toLowerCase(Locale.ROOT);
    String faceName = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
    boolean bold = faceName.contains("bold") || faceName.contains("black") || faceName.contains("heavy");
    boolean italic = faceName.contains("italic") || faceName.contains("oblique");
    List<Face> faces = REGISTERED.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    faces.removeIf(f -> f.font().getFontName(Locale.ROOT).equals(font.getFontName(Locale.ROOT)));
    faces.add(new Face(font, bold, italic));
    REGISTERED_NAMES.putIfAbsent(key, family);
    CACHE.remove(key);
    TextRenderer.clearFontCache();
    return family;
  }

  /**
   * Reads a TrueType or OpenType font (the first face of a collection).
   *
   * @param in the font data; closed by the caller
   * @param what the file or resource, for the error message
   * @return the font, size 1
   * @throws IOException if the data cannot be read or is not a TrueType/OpenType font
   */
  public static Font read(InputStream in, String what) throws IOException {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (FontFormatException e) {
      throw new IOException(what + " is not a TrueType or OpenType font: " + e.getMessage(), e);
    }
  }

  private static Font load(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the bundled font " + resource + " is missing from the jar");
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Resolves a family name: a generic name, a registered family (bundled or loaded), or a system family.
   *
   * @param family the name, any case
   * @return the family, or {@code null} if no font has that family name
   */
  public static @Nullable Family find(String family) {
    String key = family.trim().toLowerCase(Locale.ROOT);
    Family cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Family f = resolve(key);
    if (f != null) {
      CACHE.put(key, f);
    }
    return f;
  }

  private static @Nullable Family resolve(String key) {
    switch (key) {
      case "sans", "sans-serif", "sansserif" -> key = BUNDLED_SANS.toLowerCase(Locale.ROOT);
      case "monospace", "mono", "monospaced" -> key = BUNDLED_MONO.toLowerCase(Locale.ROOT);
      case "serif" -> {
        return new Family("Serif", null, Font.SERIF);
      }
      default -> {
      }
    }
    List<Face> faces = REGISTERED.get(key);
    if (faces != null) {
      return new Family(REGISTERED_NAMES.get(key), faces, null);
    }
    String system = systemFamilies().get(key);
    return system == null ? null : new Family(system, null, system);
  }

  /** The system's families by lower-case name, looked up once (the first call takes ~100 ms). */
  private static Map<String, String> systemFamilies() {
    Map<String, String> m = systemFamilies;
    if (m == null) {
      m = new ConcurrentHashMap<>();
      for (String name : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
        m.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      }
      systemFamilies = m;
    }
    return m;
  }

  /**
   * Up to {@code limit} known family names close to {@code family}: those that start with or contain it,
   * then the nearest by edit distance (case-insensitive), generic names included.
   *
   * @param family the unknown name
   * @param limit how many to return at most
   * @return the suggestions, best first
   */
  public static List<String> closeMatches(String family, int limit) {
    String want = family.trim().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>(List.of("Sans", "Serif", "Monospace"));
    names.addAll(REGISTERED_NAMES.values());
    names.addAll(systemFamilies().values());
    record Scored(String name, int score) {
    }
    List<Scored> scored = new ArrayList<>();
    for (String n : names.stream().distinct().toList()) {
      String low = n.toLowerCase(Locale.ROOT);
      int d = levenshtein(want, low);
      int score = low.startsWith(want) || want.startsWith(low) ? 0 : low.contains(want) ? 1 : 1 + d;
      if (score <= Math.max(3, want.length() / 3) + 1) {
        scored.add(new Scored(n, score));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(limit).map(Scored::name).toList();
  }

  /**
   * The end of an "unknown font family" message: the close matches, or what always works.
   *
   * @param family the unknown name
   * @return {@code " (close matches: A, B)"} or a hint naming the generic families
   */
  public static String suggestion(String family) {
    List<String> close = closeMatches(family, 5);
    return close.isEmpty()
        ? " (no installed family has a similar name; Sans, Serif and Monospace always work, and "
            + "Text.Font.fromFile loads a TTF/OTF file)"
        : " (close matches: " + String.join(", ", close) + ")";
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
