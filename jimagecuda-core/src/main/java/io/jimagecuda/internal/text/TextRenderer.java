package io.jimagecuda.internal.text;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Lays out and rasterises text with Java2D into an 8-bit coverage mask cropped to the ink box (spec
 * §3.8): anti-aliased greyscale glyphs, fractional metrics, kerning and ligatures, bidirectional
 * text and combining characters through {@link TextLayout}. Lines break only at explicit line breaks
 * ({@code \n}, {@code \r\n}, {@code \r}, U+2029); each line is its own bidi paragraph.
 *
 * <p>Lines stack as Pango stacks them: each line is as tall as its largest ascent plus descent,
 * {@code spacing} pixels go between lines, the layout is as wide as its widest line (advance, trailing
 * spaces included) and each line is aligned within that width; a right-to-left line swaps left and right
 * alignment (Pango's automatic direction). With {@code justify}, every line but the last is stretched to
 * the layout width ({@link TextLayout#getJustifiedLayout}).
 *
 * <p>Speed: fonts are derived once per style and cached; each thread keeps its drawing surface and its
 * mask array and reuses them while they are large enough, so a call allocates no pixel memory in the
 * steady state. The mask of a {@link Coverage} is valid until the same thread renders again.
 */
public final class TextRenderer {
  /** Left alignment. */
  public static final int LEFT = 0;
  /** Centred lines. */
  public static final int CENTRE = 1;
  /** Right alignment. */
  public static final int RIGHT = 2;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  /** Surfaces up to this many pixels are kept per thread for reuse; larger ones are dropped after use. */
  private static final long KEEP_PIXELS = 16L << 20;
  private static final Map<SpanStyle, Font> FONTS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Surface> SURFACE = new ThreadLocal<>();

  private TextRenderer() {
  }

  /** Forgets derived fonts (a family got a new face). */
  static void clearFontCache() {
    FONTS.clear();
  }

  /**
   * The laid-out lines of a text and the box that holds every pixel they can touch.
   *
   * @param lines the lines with their pen positions
   * @param bounds a box (pixels, layout coordinates) that contains all drawn pixels, with a margin
   */
  public record Layout(List<Line> lines, Rectangle bounds) {
  }

  /**
   * One line: {@code layout} is drawn with its baseline origin at {@code (x, baseline)}; a {@code null}
   * layout is an empty line.
   *
   * @param layout the laid-out line, or {@code null} for an empty line
   * @param x pen x
   * @param baseline pen y
   */
  public record Line(TextLayout layout, float x, float baseline) {
  }

  /**
   * A coverage mask: {@code width × height} bytes in packed rows at the start of {@code mask} (the array
   * may be longer; it is reused by the next render on the same thread).
   *
   * @param mask coverage 0..255 per pixel
   * @param width the ink box's width, at least 1
   * @param height the ink box's height, at least 1
   */
  public record Coverage(byte[] mask, int width, int height) {
  }

  /**
   * The font of a style: the family's best face at the style's size, with what Java2D must synthesise
   * (bold, oblique), letter spacing (tracking), super/subscript, kerning and
   * ligatures. Cached.
   *
   * @param style the style; its family resolves ({@link FontLibrary#find})
   * @return the font
   */
  public static Font font(SpanStyle style) {
    return FONTS.computeIfAbsent(style, TextRenderer::derive);
  }

  private static Font derive(SpanStyle s) {
    FontLibrary.Family family = null;
    for (String name : s.family().split(",")) {
      family = name.isBlank() ? null : FontLibrary.find(name.trim());
      if (family != null) {
        break;
      }
    }
    if (family == null) {
      throw new IllegalStateException("unresolved font family '" + s.family() + "' reached the renderer");
    }
    FontLibrary.Base base = family.base(s.bold(), s.italic());
    float size = s.effectiveSize();
    Map<TextAttribute, Object> a = new HashMap<>();
    a.put(TextAttribute.SIZE, size);
    if (base.synthBold()) {
      a.put(TextAttribute.WEIGHT, TextAttribute.WEIGHT_BOLD);
    }
    if (base.synthItalic()) {
      a.put(TextAttribute.POSTURE, TextAttribute.POSTURE_OBLIQUE);
    }
    if (s.letterSpacing() != 0) {
      a.put(TextAttribute.TRACKING, s.letterSpacing() / size); // Java2D multiplies it by the size
    }
    if (s.script() != 0) {
      a.put(TextAttribute.SUPERSCRIPT, s.script() > 0 ? TextAttribute.SUPERSCRIPT_SUPER
          : TextAttribute.SUPERSCRIPT_SUB);
    }
    a.put(TextAttribute.KERNING, TextAttribute.KERNING_ON);
    a.put(TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON);
    return base.font().deriveFont(a);
  }

  /**
   * Lays out the lines of a styled text.
   *
   * @param text the plain text and its runs (not blank)
   * @param base the style outside every span (the height of empty lines)
   * @param align {@link #LEFT}, {@link #CENTRE} or {@link #RIGHT}
   * @param justify whether every line but the last is stretched to the widest
   * @param spacing extra pixels between lines (may be negative)
   * @return the lines and the box their pixels lie in
   */
  public static Layout layout(Markup.StyledText text, SpanStyle base, int align, boolean justify, int spacing) {
    String s = text.text();
    List<TextLayout> layouts = new ArrayList<>();
    List<float[]> metrics = new ArrayList<>(); // ascent, descent
    int start = 0;
    int n = s.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? s.charAt(i) : '\n';
      if (c != '\n' && c != '\r' && c != '\u2029') {
        continue;
      }
      TextLayout l = start < i ? line(text, start, i) : null;
      layouts.add(l);
      if (l != null) {
        metrics.add(new float[] {l.getAscent(), l.getDescent()});
      } else {
        var lm = font(base).getLineMetrics(" ", FRC);
        metrics.add(new float[] {lm.getAscent(), lm.getDescent()});
      }
      if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
        i++;
      }
      start = i + 1;
    }
    float width = 0;
    for (TextLayout l : layouts) {
      if (l != null) {
        width = Math.max(width, l.getAdvance());
      }
    }
    if (justify) {
      int last = layouts.size() - 1;
      for (int i = 0; i < last; i++) {
        TextLayout l = layouts.get(i);
        if (l != null && l.getAdvance() < width) {
          layouts.set(i, l.getJustifiedLayout(width));
        }
      }
    }
    List<Line> lines = new ArrayList<>();
    Rectangle bounds = null;
    float top = 0;
    for (int i = 0; i < layouts.size(); i++) {
      TextLayout l = layouts.get(i);
      float[] m = metrics.get(i);
      float baseline = top + m[0];
      if (l != null) {
        int a = align;
        if (!l.isLeftToRight() && a != CENTRE) {
          a = a == LEFT ? RIGHT : LEFT;
        }
        float adv = l.getAdvance();
        float x = a == LEFT ? 0 : a == RIGHT ? width - adv : (width - adv) / 2f;
        lines.add(new Line(l, x, baseline));
        Rectangle r = l.getPixelBounds(FRC, x, baseline);
        if (!r.isEmpty()) {
          bounds = bounds == null ? r : bounds.union(r);
        }
      }
      top = baseline + m[1] + spacing;
    }
    if (bounds == null) {
      bounds = new Rectangle();
    } else {
      int margin = 2 + (int) Math.ceil(maxSize(text) / 4f);
      bounds.grow(margin, margin);
    }
    return new Layout(List.copyOf(lines), bounds);
  }

  private static float maxSize(Markup.StyledText text) {
    float m = 0;
    for (Markup.Run r : text.runs()) {
      m = Math.max(m, r.style().effectiveSize());
    }
    return m;
  }

  private static TextLayout line(Markup.StyledText text, int start, int end) {
    AttributedString as = new AttributedString(text.text().substring(start, end));
    for (Markup.Run r : text.runs()) {
      int s = Math.max(r.start(), start);
      int e = Math.min(r.end(), end);
      if (s < e) {
        as.addAttribute(TextAttribute.FONT, font(r.style()), s - start, e - start);
        // TextLayout draws decorations from the text's attributes, not from those of the FONT attribute.
        if (r.style().underline()) {
          as.addAttribute(TextAttribute.UNDERLINE, TextAttribute.UNDERLINE_ON, s - start, e - start);
        }
        if (r.style().strikethrough()) {
          as.addAttribute(TextAttribute.STRIKETHROUGH, TextAttribute.STRIKETHROUGH_ON, s - start, e - start);
        }
      }
    }
    return new TextLayout(as.getIterator(), FRC);
  }

  /**
   * Draws the layout and crops the coverage to the ink box, the tight box of non-zero pixels.
   *
   * @param layout from {@link #layout}; its bounds are non-empty and were checked against the size limits
   * @return the mask, or {@code null} if the text draws no pixel (only invisible characters)
   */
  public static @Nullable Coverage draw(Layout layout) {
    Rectangle b = layout.bounds();
    if (b.isEmpty()) {
      return null;
    }
    Surface surface = surface(b.width, b.height);
    try {
      surface.clear(b.width, b.height);
      Graphics2D g = surface.graphics;
      for (Line line : layout.lines()) {
        line.layout().draw(g, line.x() - b.x, line.baseline() - b.y);
      }
      return surface.crop(b.width, b.height);
    } finally {
      if ((long) surface.image.getWidth() * surface.image.getHeight() > KEEP_PIXELS) {
        surface.graphics.dispose();
        SURFACE.remove();
      }
    }
  }

  private static Surface surface(int w, int h) {
    Surface s = SURFACE.get();
    if (s == null || s.image.getWidth() < w || s.image.getHeight() < h) {
      if (s != null) {
        s.graphics.dispose();
      }
      int sw = Math.max(w, s == null ? 0 : s.image.getWidth());
      int sh = Math.max(h, s == null ? 0 : s.image.getHeight());
      s = new Surface(sw, sh, s == null ? new byte[0] : s.mask);
      SURFACE.set(s);
    }
    return s;
  }

  /** A thread's drawing surface: an 8-bit grey image drawn white on black, and the mask array. */
  private static final class Surface {
    final BufferedImage image;
    final byte[] pixels;
    final Graphics2D graphics;
    byte[] mask;

    Surface(int w, int h, byte[] mask) {
      image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      graphics = image.createGraphics();
      graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      graphics.setColor(Color.WHITE);
      this.mask = mask;
    }

    void clear(int w, int h) {
      int stride = image.getWidth();
      for (int y = 0; y < h; y++) {
        java.util.Arrays.fill(pixels, y * stride, y * stride + w, (byte) 0);
      }
    }

    @Nullable Coverage crop(int w, int h) {
      int stride = image.getWidth();
      int minX = Integer.MAX_VALUE;
      int maxX = -1;
      int minY = -1;
      int maxY = -1;
      for (int y = 0; y < h; y++) {
        int row = y * stride;
        int first = -1;
        for (int x = 0; x < w; x++) {
          if (pixels[row + x] != 0) {
            first = x;
            break;
          }
        }
        if (first < 0) {
          continue;
        }
        int last = w - 1;
        while (pixels[row + last] == 0) {
          last--;
        }
        minX = Math.min(minX, first);
        maxX = Math.max(maxX, last);
        if (minY < 0) {
          minY = y;
        }
        maxY = y;
      }
      if (minY < 0) {
        return null;
      }
      int cw = maxX - minX + 1;
      int ch = maxY - minY + 1;
      int size = cw * ch;
      if (mask.length < size) {
        mask = new byte[Math.max(size, mask.length + mask.length / 2)];
      }
      for (int y = 0; y < ch; y++) {
        System.arraycopy(pixels, (minY + y) * stride + minX, mask, y * cw, cw);
      }
      byte[] result = mask;
      if (size > KEEP_PIXELS) {
        mask = new byte[0];
      }
      return new Coverage(result, cw, ch);
    }
  }
}
