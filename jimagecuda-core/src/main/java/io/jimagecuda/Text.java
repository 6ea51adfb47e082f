package io.jimagecuda;

import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.text.FontDescription;
import io.jimagecuda.internal.text.FontLibrary;
import io.jimagecuda.internal.text.Markup;
import io.jimagecuda.internal.text.SpanStyle;
import io.jimagecuda.internal.text.TextRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Text: renders a string, with Pango-style markup, into a new image as tall and wide as its ink.
 *
 * <pre>{@code
 * try (Image title = Text.create("Hello <b>world</b>", Text.Options.DEFAULTS
 *         .withFont("Sans Italic").withSize(48).withColor(Rgba.WHITE))) {
 *   Blend.normal(photo, title, Blend.Layer.DEFAULTS.withAnchor(Anchor.CENTER));
 * }
 * }</pre>
 *
 * <p><b>Pipeline</b> (spec §3.8). Java2D lays the text out ({@code TextLayout}: anti-aliased, fractional
 * metrics, kerning, ligatures, bidirectional text, combining characters) and draws an 8-bit coverage mask
 * {@code M} cropped to the <em>ink box</em>, the tight box of the pixels the glyphs touch: leading and
 * trailing spaces and unused ascent add nothing. The mask (one byte per pixel) is uploaded to an 8-bit
 * buffer and turned into RGBA on the image's backend (a CUDA kernel there):
 * <ul>
 *   <li>8-bit colours by truncation, {@code fg = trunc(color·255)}, {@code bg = trunc(bgColor·255)},
 *       clipped to 0..255 (0.7 gives 178);</li>
 *   <li>every pixel has the text's RGB; alpha {@code A = M} for an opaque colour, else
 *       {@code trunc(M·fg.a/255)}: coverage is alpha;</li>
 *   <li>with a background ({@code bg.a > 0}), Porter-Duff over that colour, truncated to 8 bits; with an
 *       opaque background that is {@code trunc(fg·m + bg·(1 − m))}, {@code m = A/255};</li>
 *   <li>the 8-bit values {@code v} become {@code v / 255}.</li>
 * </ul>
 *
 * <p><b>Fonts.</b> {@code font} is a family followed by optional style words, as in Pango:
 * {@code "Sans"}, {@code "Sans Bold Italic"}, {@code "DejaVu Sans Mono Bold"}, {@code "Noto Serif Light"}
 * (weights {@code Thin} .. {@code Ultra-Heavy}, {@code Italic}, {@code Oblique}, {@code Roman}); the size
 * is {@link Options#size()}, in pixels (points at 72 dpi). {@code Sans} (the default) and
 * {@code Monospace} are the bundled DejaVu Sans and DejaVu Sans Mono on every machine, so that output does
 * not depend on what is installed; {@code Serif} is Java's logical serif font. Other names are system
 * families (case-insensitive) or fonts loaded with {@link Font#fromFile} / {@link Font#fromResource}; an
 * unknown name is an error listing close matches. A style the family has no face for is synthesised
 * (slanted, emboldened). Characters the font lacks draw its "missing glyph" box: there is no fallback to
 * other fonts.
 *
 * <p><b>Markup.</b> Text is always parsed as markup: {@code <b> <i> <u> <s> <tt> <big> <small> <sup>
 * <sub>} and {@code <span>} with {@code font}, {@code font_family}, {@code size} (1024ths of a point,
 * {@code 20pt}, {@code 150%}, {@code x-large}, ...), {@code style}, {@code weight}, {@code underline},
 * {@code strikethrough}, {@code letter_spacing}; entities {@code &amp; &lt; &gt; &quot; &apos; &#N;}. So a
 * literal {@code &} or {@code <} must be escaped. Colour attributes ({@code foreground}, ...) are accepted
 * and discarded: every glyph gets {@link Options#color()}, as in the reference.
 *
 * <p><b>Lines.</b> Lines break only at {@code \n} ({@code \r\n}, {@code \r}); each line is as tall as its
 * ascent plus descent, {@link Options#spacing()} extra pixels go between lines, and lines are aligned
 * within the widest one ({@link TextAlign}; a right-to-left line swaps left and right, as Pango does).
 *
 * <p><b>Speed.</b> Fonts are looked up and derived once and cached, each thread reuses its drawing
 * surface, and only one byte per pixel is uploaded; with {@link #createInto} and
 * {@link Options#withU8Buffer} a call allocates no image memory.
 *
 * <p><b>Compatibility.</b> Glyph shapes and metrics are Java2D's, not Pango/FreeType's, so the same call
 * gives a similar but not pixel-identical image to PyImageCUDA's; {@code docs/deviations.md} ("Text")
 * lists the differences (also: {@code center} centres, justify without wrapping).
 *
 * <p><b>Errors.</b> {@link NullPointerException} for a null text, options record or option;
 * {@link IllegalArgumentException} for empty or whitespace-only text ("no text to render"), malformed
 * markup ("invalid markup in text at index N (line L, column C): ..."), an unknown font family, a size
 * that is not a positive finite number, a NaN or infinite colour component or letter spacing, a result
 * larger than 32768 pixels a side, or buffers of different backends; {@link IllegalStateException} for a
 * freed buffer; {@link CapacityExceededException} for a buffer that is too small.
 */
public final class Text {
  /** The largest size, in pixels. */
  public static final float MAX_SIZE = 8192f;
  /** The largest letter spacing magnitude, in pixels. */
  public static final float MAX_LETTER_SPACING = 8192f;

  private Text() {
  }

  /**
   * The options of {@link Text#create(String, Options)} ({@code DEFAULTS} = the reference's defaults).
   *
   * <pre>{@code
   * Text.Options.DEFAULTS.withFont("Sans Bold").withSize(48).withColor(Rgba.WHITE)
   *     .withBgColor(new Rgba(0, 0, 0, 0.5f)).withAlign(TextAlign.CENTRE).withSpacing(8);
   * }</pre>
   *
   * @param font family and style words, e.g. {@code "Sans"} (default), {@code "Serif Bold Italic"}; no size
   * @param size size in pixels (points at 72 dpi), in (0, {@value Text#MAX_SIZE}]; default 12
   * @param color the text colour, straight RGBA; default opaque black
   * @param bgColor the background colour; default transparent (no background: pixels outside the glyphs
   *     are the text colour with alpha 0)
   * @param align line alignment; default {@link TextAlign#LEFT}
   * @param justify stretch every line but the last to the width of the widest; default false
   * @param spacing extra pixels between lines, may be negative; default 0
   * @param letterSpacing extra pixels after every character (negative tightens), used as
   *     {@code trunc(letterSpacing·1024)/1024} like the reference; default 0
   * @param u8Buffer 8-bit scratch for the upload, on the result's backend, resized to the result's size
   *     (it holds the coverage mask in its first {@code width·height} bytes afterwards); {@code null}
   *     (default) for a temporary
   */
  public record Options(String font, float size, Rgba color, Rgba bgColor, TextAlign align, boolean justify,
      int spacing, float letterSpacing, @Nullable ImageU8 u8Buffer) {
    /** The reference's defaults: Sans, 12 px, black on transparent, left, no justify, no spacing. */
    public static final Options DEFAULTS = new Options("Sans", 12f, Rgba.BLACK, Rgba.TRANSPARENT, TextAlign.LEFT,
        false, 0, 0f, null);

    /**
     * A copy with another font description.
     *
     * @param font family and style words, e.g. {@code "Sans Bold"}
     * @return a new {@code Options} with the other components of this one
     */
    public Options withFont(String font) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with a loaded font's family (regular style; add style words with {@link #withFont(String)}
     * and {@link Font#family()}).
     *
     * @param font a font from {@link Font#fromFile}, {@link Font#fromResource} or {@link Font#bundled}
     * @return a new {@code Options} with the other components of this one
     */
    public Options withFont(Font font) {
      return withFont(font.family());
    }

    /**
     * A copy with another size.
     *
     * @param size size in pixels (points at 72 dpi), in (0, {@value Text#MAX_SIZE}]
     * @return a new {@code Options} with the other components of this one
     */
    public Options withSize(float size) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with another text colour.
     *
     * @param color straight RGBA
     * @return a new {@code Options} with the other components of this one
     */
    public Options withColor(Rgba color) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with another background colour.
     *
     * @param bgColor straight RGBA; alpha below 1/255 means no background
     * @return a new {@code Options} with the other components of this one
     */
    public Options withBgColor(Rgba bgColor) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with another alignment.
     *
     * @param align line alignment
     * @return a new {@code Options} with the other components of this one
     */
    public Options withAlign(TextAlign align) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with justification on or off.
     *
     * @param justify stretch every line but the last to the widest line's width
     * @return a new {@code Options} with the other components of this one
     */
    public Options withJustify(boolean justify) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with another line spacing.
     *
     * @param spacing extra pixels between lines, may be negative
     * @return a new {@code Options} with the other components of this one
     */
    public Options withSpacing(int spacing) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with another letter spacing.
     *
     * @param letterSpacing extra pixels after every character, |value| at most
     *     {@value Text#MAX_LETTER_SPACING}
     * @return a new {@code Options} with the other components of this one
     */
    public Options withLetterSpacing(float letterSpacing) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }

    /**
     * A copy with an 8-bit scratch buffer to reuse between calls.
     *
     * @param u8Buffer the buffer, on the result's backend; {@code null} for a temporary per call
     * @return a new {@code Options} with the other components of this one
     */
    public Options withU8Buffer(@Nullable ImageU8 u8Buffer) {
      return new Options(font, size, color, bgColor, align, justify, spacing, letterSpacing, u8Buffer);
    }
  }

  /**
   * A font family that text can name: the bundled fonts, or a TrueType/OpenType font loaded from a file
   * or a class-path resource. Loading registers the font's family for the whole JVM, so its name then
   * works in {@link Options#font()}, in markup ({@code <span font_family="...">}) and in recipes; loading
   * several faces of one family (regular, bold, italic files) lets the style words pick the right one.
   *
   * <pre>{@code
   * Text.Font brand = Text.Font.fromFile(Path.of("fonts/Brand-Regular.otf"));
   * Text.Font.fromFile(Path.of("fonts/Brand-Bold.otf"));
   * Text.create("Hi", Text.Options.DEFAULTS.withFont(brand.family() + " Bold"));
   * }</pre>
   */
  public static final class Font {
    private final String family;
    private final String source;

    private Font(String family, String source) {
      this.family = family;
      this.source = source;
    }

    /**
     * Loads a TrueType ({@code .ttf}) or OpenType ({@code .otf}) font file (the first face of a
     * collection) and registers its family.
     *
     * @param file the font file
     * @return the font
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if it cannot be read or is not a TrueType/OpenType font (the message names it)
     */
    public static Font fromFile(Path file) throws IOException {
      Check.notNull("Text.Font.fromFile", "file", file);
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString(), null, "Text.Font.fromFile: no font file there");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new Font(FontLibrary.register(FontLibrary.read(in, file.toString())), file.toString());
      }
    }

    /**
     * Loads a TrueType or OpenType font from a class-path resource and registers its family.
     *
     * @param anchor the class whose {@link Class#getResourceAsStream} finds the resource (so that a
     *     resource in a named module is found from that module's class)
     * @param name the resource name, relative to {@code anchor}'s package or absolute with a leading
     *     {@code /}
     * @return the font
     * @throws IOException if there is no such resource, or it is not a TrueType/OpenType font
     */
    public static Font fromResource(Class<?> anchor, String name) throws IOException {
      Check.notNull("Text.Font.fromResource", "anchor", anchor);
      Check.notNull("Text.Font.fromResource", "name", name);
      try (InputStream in = anchor.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("Text.Font.fromResource: no resource '" + name + "' next to "
              + anchor.getName());
        }
        String what = "resource " + name;
        return new Font(FontLibrary.register(FontLibrary.read(in, what)), what);
      }
    }

    /** {@return the bundled DejaVu Sans, also named {@code Sans}} */
    public static Font bundled() {
      return new Font(FontLibrary.BUNDLED_SANS, "bundled");
    }

    /** {@return the bundled DejaVu Sans Mono, also named {@code Monospace}} */
    public static Font bundledMono() {
      return new Font(FontLibrary.BUNDLED_MONO, "bundled");
    }

    /** {@return the family name to use in font descriptions and markup} */
    public String family() {
      return family;
    }

    /** {@return the family and where it was loaded from} */
    @Override
    public String toString() {
      return family + " (" + source + ")";
    }
  }

  // ---------------------------------------------------------------- create

  /**
   * {@link #create(String, Options)} with the defaults: Sans 12 px, black, transparent background.
   *
   * @param text the text, with markup; not empty or whitespace only
   * @return a new image as large as the text's ink, on the default backend; the caller closes it
   */
  public static Image create(String text) {
    return create(text, Options.DEFAULTS);
  }

  /**
   * {@link #create(String, Options)} with the default options and another size.
   *
   * @param text the text, with markup; not empty or whitespace only
   * @param size size in pixels (points at 72 dpi), in (0, {@value Text#MAX_SIZE}]
   * @return a new image as large as the text's ink, on the default backend; the caller closes it
   */
  public static Image create(String text, float size) {
    return create(text, Options.DEFAULTS.withSize(size));
  }

  /**
   * A new image of {@code text}, as large as its ink box, on the backend of {@code options.u8Buffer()}
   * if given, else on the default backend. See the class description for the pipeline.
   *
   * @param text the text, with markup; not empty or whitespace only
   * @param options font, size, colours, alignment, spacing and scratch buffer
   * @return the new image; the caller closes it
   * @throws IllegalArgumentException for empty text, malformed markup, an unknown font family or an
   *     invalid option (see the class description)
   * @throws CapacityExceededException if the scratch buffer is too small
   */
  public static Image create(String text, Options options) {
    return render("Text.create", null, text, options, null);
  }

  /**
   * {@link #create(String, Options)} on a given backend.
   *
   * @param text the text, with markup; not empty or whitespace only
   * @param options font, size, colours, alignment, spacing and scratch buffer (on {@code backend})
   * @param backend where the new image lives
   * @return the new image; the caller closes it
   * @throws IllegalArgumentException as {@link #create(String, Options)}, or if the scratch buffer is on
   *     another backend
   * @throws BackendUnavailableException if {@code backend} is CUDA and it cannot start
   */
  public static Image create(String text, Options options, BackendKind backend) {
    Check.notNull("Text.create", "backend", backend);
    return render("Text.create", null, text, options, backend);
  }

  /**
   * {@link #createInto(Image, String, Options)} with the defaults.
   *
   * @param dst receives the text; its logical size becomes the ink box's
   * @param text the text, with markup; not empty or whitespace only
   * @throws CapacityExceededException if {@code dst} is too small
   */
  public static void createInto(Image dst, String text) {
    createInto(dst, text, Options.DEFAULTS);
  }

  /**
   * {@link #create(String, Options)} into {@code dst}, whose logical size becomes the text's ink box.
   *
   * @param dst receives the text; its capacity must hold the result
   * @param text the text, with markup; not empty or whitespace only
   * @param options font, size, colours, alignment, spacing and scratch buffer (on {@code dst}'s backend)
   * @throws IllegalArgumentException as {@link #create(String, Options)}, or if {@code dst} and the
   *     scratch buffer are on different backends
   * @throws IllegalStateException if {@code dst} or the scratch buffer was freed
   * @throws CapacityExceededException if {@code dst} or the scratch buffer is too small (a buffer resized
   *     before the failure stays resized)
   */
  public static void createInto(Image dst, String text, Options options) {
    Check.notNull("Text.createInto", "dst", dst);
    render("Text.createInto", dst, text, options, null);
  }

  private static Image render(String op, @Nullable Image dstOrNull, String text, Options o,
      @Nullable BackendKind backend) {
    Check.notNull(op, "text", text);
    Check.notNull(op, "options", o);
    Check.notNull(op, "options.font", o.font());
    Check.color(op, "options.color", o.color());
    Check.color(op, "options.bgColor", o.bgColor());
    Check.notNull(op, "options.align", o.align());
    ImageU8 u8Buffer = o.u8Buffer();
    if (dstOrNull != null && u8Buffer != null) {
      Check.sameBackend(op, new String[] {"dst", "u8Buffer"}, dstOrNull, u8Buffer);
    } else if (dstOrNull != null) {
      Check.usable(op, "dst", dstOrNull);
    } else if (u8Buffer != null) {
      Check.usable(op, "u8Buffer", u8Buffer);
      if (backend != null && u8Buffer.backend() != backend) {
        throw new IllegalArgumentException(op + ": u8Buffer is on the " + u8Buffer.backend()
            + " backend, the result on " + backend + ": images of one call must share a backend");
      }
    }
    Check.positive(op, "size", o.size());
    Check.finite(op, "size", o.size());
    if (o.size() > MAX_SIZE) {
      throw new IllegalArgumentException(op + ": size too large (max " + MAX_SIZE + "), got " + o.size());
    }
    Check.finite(op, "letterSpacing", o.letterSpacing());
    if (Math.abs(o.letterSpacing()) > MAX_LETTER_SPACING) {
      throw new IllegalArgumentException(op + ": letterSpacing must be in -" + MAX_LETTER_SPACING + ".."
          + MAX_LETTER_SPACING + ", got " + o.letterSpacing());
    }
    finiteColor(op, "color", o.color());
    finiteColor(op, "bgColor", o.bgColor());
    if (text.isBlank()) {
      throw new IllegalArgumentException(op + ": no text to render: text is empty or only whitespace");
    }
    FontDescription description;
    try {
      description = FontDescription.parse(o.font(), false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
    }
    if (!familyExists(description.family())) {
      throw new IllegalArgumentException(op + ": font family '" + description.family() + "' (from font '"
          + o.font() + "') is unknown" + FontLibrary.suggestion(description.family()));
    }
    // The reference passes letter spacing to Pango in 1/1024 point units: trunc(letterSpacing * 1024).
    float letterSpacing = (float) ((long) ((double) o.letterSpacing() * 1024) / 1024.0);
    SpanStyle base = SpanStyle.base(description, o.size(), letterSpacing);
    Markup.StyledText styled;
    try {
      styled = Markup.parse(text, base, Text::familyExists);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
    }
    if (styled.text().isBlank()) {
      throw new IllegalArgumentException(op + ": no text to render: the text is only whitespace once its "
          + "markup is removed");
    }
    int align = switch (o.align()) {
      case LEFT -> TextRenderer.LEFT;
      case CENTRE -> TextRenderer.CENTRE;
      case RIGHT -> TextRenderer.RIGHT;
    };
    TextRenderer.Layout layout = TextRenderer.layout(styled, base, align, o.justify(), o.spacing());
    Check.resultSize(op, layout.bounds().width, layout.bounds().height);
    TextRenderer.Coverage coverage = TextRenderer.draw(layout);
    if (coverage == null) {
      throw new IllegalArgumentException(op + ": no text to render: the text draws no pixels (only "
          + "invisible characters)");
    }
    int w = coverage.width();
    int h = coverage.height();
    if (dstOrNull != null) {
      Check.resizeFor(op, "dst", dstOrNull, w, h);
    }
    if (u8Buffer != null) {
      Check.resizeFor(op, "u8Buffer", u8Buffer, w, h);
    }
    BackendKind kind = dstOrNull != null ? dstOrNull.backend() : u8Buffer != null ? u8Buffer.backend()
        : backend != null ? backend : JImageCuda.defaultBackend();
    Image dst = dstOrNull;
    ImageU8 u8 = u8Buffer;
    boolean done = false;
    try {
      if (u8 == null) {
        u8 = new ImageU8(w, h, kind);
      }
      if (dst == null) {
        dst = new Image(w, h, kind);
      }
      Backend impl = dst.backendImpl();
      impl.uploadBytes(u8.storage(), coverage.mask(), 0, w * h);
      impl.text().create(dst.storage(), u8.storage(), w, h, packed(o.color()), packed(o.bgColor()));
      done = true;
      return dst;
    } finally {
      if (u8Buffer == null && u8 != null) {
        u8.free();
      }
      if (!done && dstOrNull == null && dst != null) {
        dst.free();
      }
    }
  }

  private static boolean familyExists(String family) {
    for (String f : family.split(",")) {
      if (!f.isBlank() && FontLibrary.find(f.trim()) != null) {
        return true;
      }
    }
    return false;
  }

  private static void finiteColor(String op, String param, Rgba c) {
    if (!Float.isFinite(c.r()) || !Float.isFinite(c.g()) || !Float.isFinite(c.b()) || !Float.isFinite(c.a())) {
      throw new IllegalArgumentException(op + ": " + param + " must have finite components, got " + c);
    }
  }

  /** {@code trunc(c·255)} clipped to 0..255 per channel, packed {@code r | g << 8 | b << 16 | a << 24}. */
  private static int packed(Rgba c) {
    return to8(c.r()) | to8(c.g()) << 8 | to8(c.b()) << 16 | to8(c.a()) << 24;
  }

  /** {@code trunc(v·255)} in double precision (the reference's Python arithmetic), clipped to 0..255. */
  static int to8(float v) {
    return (int) Math.max(0, Math.min(255, (long) ((double) v * 255)));
  }
}
