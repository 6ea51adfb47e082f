package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Text#create} on the CPU backend with the bundled font: ink boxes against Java2D's own metrics,
 * the colour rules of spec §3.8 pixel by pixel, alignment, spacing, markup and every error.
 */
class TextTest {
  private static final Text.Options BIG = Text.Options.DEFAULTS.withSize(48);

  /** A rendered text: size and pixels. */
  private record Out(int w, int h, float[] px) {
    float a(int x, int y) {
      return px[(y * w + x) * 4 + 3];
    }

    float[] rgba(int x, int y) {
      int i = (y * w + x) * 4;
      return new float[] {px[i], px[i + 1], px[i + 2], px[i + 3]};
    }

    /** Sum of alpha, the amount of ink. */
    double ink() {
      double s = 0;
      for (int i = 3; i < px.length; i += 4) {
        s += px[i];
      }
      return s;
    }

    /** Leftmost and rightmost column with ink in rows y0..y1-1, as {first, last}. */
    int[] inkColumns(int y0, int y1) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (int y = y0; y < y1; y++) {
        for (int x = 0; x < w; x++) {
          if (a(x, y) > 0) {
            first = Math.min(first, x);
            last = Math.max(last, x);
          }
        }
      }
      return new int[] {first, last};
    }
  }

  /** {@code Text.create} on the CPU backend (through a CPU u8Buffer), downloaded. */
  private static Out render(String text, Text.Options options) {
    try (ImageU8 u8 = new ImageU8(3000, 800, BackendKind.CPU);
         Image img = Text.create(text, options.withU8Buffer(u8))) {
      assertEquals(BackendKind.CPU, img.backend());
      assertEquals(img.width(), u8.width(), "u8Buffer resized to the result");
      return new Out(img.width(), img.height(), Images.download(img));
    }
  }

  /** Java2D's pixel bounds of {@code text} in the bundled DejaVu Sans at {@code size}, drawn at (0, 0). */
  private static Rectangle java2dPixelBounds(String text, float size) throws Exception {
    java.awt.Font font;
    try (InputStream in = Text.class.getResourceAsStream("internal/text/fonts/DejaVuSans.ttf")) {
      font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
    }
    font = font.deriveFont(Map.of(TextAttribute.SIZE, size, TextAttribute.KERNING, TextAttribute.KERNING_ON,
        TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
    FontRenderContext frc = new FontRenderContext(null, true, true);
    return new TextLayout(text, font, frc).getPixelBounds(frc, 0, 0);
  }

  @Nested
  class InkBox {
    @ParameterizedTest
    @ValueSource(strings = {"Hello", "Typography", "xo", "JImageCUDA 0.2", "g"})
    void matchesJava2dPixelBoundsOfTheBundledFont(String text) throws Exception {
      Out out = render(text, BIG);
      Rectangle b = java2dPixelBounds(text, 48f);
      // getPixelBounds is conservative (it may include a pixel of zero coverage on each side).
      assertTrue(out.w() <= b.width && out.w() >= b.width - 2, "width " + out.w() + " vs Java2D " + b.width);
      assertTrue(out.h() <= b.height && out.h() >= b.height - 2, "height " + out.h() + " vs Java2D " + b.height);
    }

    @Test
    void isTightEveryEdgeRowAndColumnHasInk() {
      Out out = render("Tight box", BIG);
      assertTrue(out.inkColumns(0, 1)[1] >= 0, "top row has ink");
      assertTrue(out.inkColumns(out.h() - 1, out.h())[1] >= 0, "bottom row has ink");
      int[] cols = out.inkColumns(0, out.h());
      assertEquals(0, cols[0]);
      assertEquals(out.w() - 1, cols[1]);
    }

    @Test
    void leadingAndTrailingSpacesAddNothing() {
      Out plain = render("Hello", BIG);
      Out spaced = render("   Hello   ", BIG);
      assertEquals(plain.w(), spaced.w());
      assertEquals(plain.h(), spaced.h());
    }

    @Test
    void scalesWithSize() {
      Out small = render("Hello", Text.Options.DEFAULTS.withSize(20));
      Out big = render("Hello", Text.Options.DEFAULTS.withSize(80));
      assertEquals(4.0, (double) big.w() / small.w(), 0.25);
      assertEquals(4.0, (double) big.h() / small.h(), 0.35);
    }

    @Test
    void defaultsAreSans12() {
      try (Image img = Text.create("Hi")) {
        Out explicit = render("Hi", Text.Options.DEFAULTS.withFont("Sans").withSize(12));
        assertEquals(explicit.w(), img.width());
        assertEquals(explicit.h(), img.height());
      }
    }
  }

  @Nested
  class Colours {
    @Test
    void everyPixelHasTheTextColourAndCoverageIsAlpha() {
      // trunc(c·255): 0.2 → 51, 0.4 → 102, 0.7 → 178.
      Out out = render("Hello", BIG.withColor(new Rgba(0.2f, 0.4f, 0.7f, 1f)));
      boolean full = false;
      boolean partial = false;
      for (int y = 0; y < out.h(); y++) {
        for (int x = 0; x < out.w(); x++) {
          float[] p = out.rgba(x, y);
          assertArrayEquals(new float[] {51 / 255f, 102 / 255f, 178 / 255f}, new float[] {p[0], p[1], p[2]},
              "pixel " + x + "," + y);
          full |= p[3] == 1f;
          partial |= p[3] > 0 && p[3] < 1;
          assertEquals(Math.round(p[3] * 255) / 255f, p[3], "alpha is an 8-bit level");
        }
      }
      assertTrue(full, "glyph interiors are fully opaque");
      assertTrue(partial, "edges are anti-aliased");
    }

    @Test
    void alphaOnlyOnEdges() {
      Out out = render("HIE", BIG.withFont("Sans Bold").withSize(96));
      int interior = 0;
      for (int y = 1; y < out.h() - 1; y++) {
        for (int x = 1; x < out.w() - 1; x++) {
          boolean surrounded = true;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              surrounded &= out.a(x + dx, y + dy) > 0;
            }
          }
          if (surrounded) {
            interior++;
            assertEquals(1f, out.a(x, y), "a pixel inside the glyph (all neighbours inked) is opaque: " + x
                + "," + y);
          }
        }
      }
      assertTrue(interior > 1000, "bold 96 px glyphs have an interior, got " + interior);
    }

    @Test
    void translucentColourScalesCoverageWithTruncation() {
      Out opaque = render("Alpha", BIG);
      Out half = render("Alpha", BIG.withColor(new Rgba(0, 0, 0, 0.5f))); // fg.a = trunc(127.5) = 127
      assertEquals(opaque.w(), half.w());
      for (int i = 3; i < opaque.px().length; i += 4) {
        int m = Math.round(opaque.px()[i] * 255);
        assertEquals((int) (m * (127 / 255.0)) / 255f, half.px()[i], "pixel " + i / 4);
      }
    }

    @Test
    void opaqueBackgroundIsTruncatedOver() {
      Rgba fg = new Rgba(1f, 0.5f, 0f, 1f); // 255, 127, 0
      Rgba bg = new Rgba(0f, 0.2f, 1f, 1f); // 0, 51, 255
      Out cover = render("Over", BIG.withColor(fg));
      Out out = render("Over", BIG.withColor(fg).withBgColor(bg));
      int[] f = {255, 127, 0};
      int[] b = {0, 51, 255};
      for (int p = 0; p < cover.w() * cover.h(); p++) {
        int m = Math.round(cover.px()[p * 4 + 3] * 255);
        double mm = m / 255.0;
        for (int c = 0; c < 3; c++) {
          int expected = (int) (f[c] * mm + b[c] * (1 - mm) + 1e-4); // exact rational value, truncated
          int got = Math.round(out.px()[p * 4 + c] * 255);
          assertTrue(got == expected || got == expected - 1 && isNearInteger(f[c] * mm + b[c] * (1 - mm)),
              "pixel " + p + " channel " + c + ": m " + m + ", expected " + expected + ", got " + got);
        }
        assertEquals(1f, out.px()[p * 4 + 3], "opaque background: alpha 1");
        if (m == 0) {
          assertArrayEquals(new float[] {0, 51 / 255f, 1}, new float[] {out.px()[p * 4], out.px()[p * 4 + 1],
              out.px()[p * 4 + 2]}, "uncovered pixels are the background");
        }
      }
    }

    private boolean isNearInteger(double v) {
      return Math.abs(v - Math.rint(v)) < 1e-3;
    }

    @Test
    void translucentBackgroundComposesAlpha() {
      Out cover = render("Over", BIG);
      Out out = render("Over", BIG.withBgColor(new Rgba(1, 1, 1, 0.5f))); // bg.a = 127
      for (int p = 0; p < cover.w() * cover.h(); p++) {
        float a = Math.round(cover.px()[p * 4 + 3] * 255) / 255f;
        float o = a + 127 / 255f * (1f - a);
        assertEquals((int) (o * 255f) / 255f, out.px()[p * 4 + 3], "alpha of pixel " + p);
      }
    }

    @Test
    void backgroundBelowOneLevelIsNoBackground() {
      Out none = render("x", BIG);
      Out almost = render("x", BIG.withBgColor(new Rgba(1, 1, 1, 0.003f))); // trunc(0.765) = 0
      assertArrayEquals(none.px(), almost.px());
    }
  }

  @Nested
  class Layout {
    /** Rows of line {@code i} of a 2-line render split at the middle gap. */
    private int[][] lineColumns(Out out) {
      int gap = -1;
      for (int y = out.h() / 4; y < out.h() * 3 / 4 && gap < 0; y++) {
        if (out.inkColumns(y, y + 1)[1] < 0) {
          gap = y;
        }
      }
      assertTrue(gap > 0, "the two lines are separated by an empty row");
      return new int[][] {out.inkColumns(0, gap), out.inkColumns(gap, out.h())};
    }

    @Test
    void alignmentOffsets() {
      String text = "HH\nHHHHHH";
      int[][] left = lineColumns(render(text, BIG.withSpacing(10)));
      assertEquals(left[0][0], left[1][0], "left: same left edge");
      int[][] right = lineColumns(render(text, BIG.withSpacing(10).withAlign(TextAlign.RIGHT)));
      assertEquals(right[0][1], right[1][1], 1, "right: same right edge");
      int[][] centre = lineColumns(render(text, BIG.withSpacing(10).withAlign(TextAlign.CENTRE)));
      assertEquals(centre[0][0] + centre[0][1], centre[1][0] + centre[1][1], 2, "centre: same centre");
      assertTrue(centre[0][0] > 50, "the short line is indented");
      assertEquals(TextAlign.CENTRE, TextAlign.parse("center"));
      assertEquals(TextAlign.CENTRE, TextAlign.parse("centre"));
    }

    @Test
    void rightToLeftLinesSwapLeftAndRight() {
      int[][] cols = lineColumns(render("\u05e9\u05dc\u05d5\u05dd\nHHHHHHHH", BIG.withSpacing(10)));
      Out out = render("\u05e9\u05dc\u05d5\u05dd\nHHHHHHHH", BIG.withSpacing(10));
      assertTrue(cols[0][1] >= out.w() - 3, "the Hebrew line ends at the right edge: " + cols[0][1]);
      assertTrue(cols[0][0] > 100, "and starts well inside");
    }

    @Test
    void lineSpacingAddsExactlyItsPixels() {
      Out tight = render("Ag\nAg", BIG);
      Out spaced = render("Ag\nAg", BIG.withSpacing(20));
      Out three = render("Ag\nAg\nAg", BIG.withSpacing(20));
      assertEquals(tight.h() + 20, spaced.h());
      assertEquals(tight.w(), spaced.w());
      assertTrue(three.h() > spaced.h() + 40);
    }

    @Test
    void letterSpacingWidensByItsAmountBetweenCharacters() {
      Out plain = render("HHHHH", BIG);
      Out spaced = render("HHHHH", BIG.withLetterSpacing(10));
      Out tighter = render("HHHHH", BIG.withLetterSpacing(-3));
      assertEquals(plain.w() + 4 * 10, spaced.w(), 1, "4 gaps of 10 px");
      assertEquals(plain.w() - 4 * 3, tighter.w(), 1, "4 gaps of -3 px");
      assertEquals(plain.h(), spaced.h());
    }

    @Test
    void justifyStretchesAllButTheLastLine() {
      String text = "a b c\nabcdefghijklmn\nx y";
      int[] first = render(text, BIG).inkColumns(0, 30);
      int[] stretched = render(text, BIG.withJustify(true)).inkColumns(0, 30);
      assertTrue(stretched[1] - stretched[0] > first[1] - first[0] + 100,
          "justified first line is wider: " + (stretched[1] - stretched[0]) + " vs " + (first[1] - first[0]));
    }

    @Test
    void combiningCharactersStackOnTheirBase() {
      Out e = render("e", BIG);
      Out acute = render("e\u0301", BIG);
      assertTrue(acute.h() > e.h() + 5, "the accent adds height");
      assertEquals(e.w(), acute.w(), 3, "but no advance");
      Out composed = render("\u00e9", BIG);
      assertEquals(composed.h(), acute.h(), 2);
    }

    @Test
    void emptyLinesKeepTheirHeight() {
      Out two = render("A\nA", BIG);
      Out withEmpty = render("A\n\nA", BIG);
      assertTrue(withEmpty.h() > two.h() + 40, two.h() + " vs " + withEmpty.h());
    }
  }

  @Nested
  class MarkupStyles {
    @Test
    void boldAddsInk() {
      Out plain = render("Markup", BIG);
      Out bold = render("<b>Markup</b>", BIG);
      assertTrue(bold.ink() > plain.ink() * 1.2, bold.ink() + " vs " + plain.ink());
      assertEquals(bold.w(), render("Markup", BIG.withFont("Sans Bold")).w(), "same as the Bold style word");
    }

    @Test
    void italicSlantsTheTopToTheRight() {
      Out plain = render("I", BIG);
      Out italic = render("<i>I</i>", BIG);
      int[] topPlain = plain.inkColumns(0, 3);
      int[] bottomPlain = plain.inkColumns(plain.h() - 3, plain.h());
      int[] topItalic = italic.inkColumns(0, 3);
      int[] bottomItalic = italic.inkColumns(italic.h() - 3, italic.h());
      assertEquals(topPlain[0], bottomPlain[0], 1, "upright stem");
      assertTrue(topItalic[0] > bottomItalic[0] + 5, "slanted stem");
    }

    @Test
    void underlineAddsAFullRowBelowTheBaseline() {
      Out plain = render("under", BIG);
      Out under = render("<u>under</u>", BIG);
      assertTrue(under.h() > plain.h());
      int fullRows = 0;
      for (int y = 0; y < under.h(); y++) {
        int[] c = under.inkColumns(y, y + 1);
        boolean full = c[0] == 0 && c[1] == under.w() - 1;
        for (int x = 0; full && x < under.w(); x++) {
          full = under.a(x, y) > 0;
        }
        fullRows += full ? 1 : 0;
      }
      assertTrue(fullRows >= 2, "an underline crosses the whole width");
    }

    @Test
    void strikethroughCrossesTheMiddle() {
      Out plain = render("xxxx", BIG);
      Out struck = render("<s>xxxx</s>", BIG);
      assertEquals(plain.h(), struck.h(), "the strike stays inside the x-height");
      assertTrue(struck.ink() > plain.ink());
      int y = struck.h() / 2;
      boolean crossesGaps = false;
      for (int dy = -struck.h() / 4; dy <= struck.h() / 4 && !crossesGaps; dy++) {
        boolean all = true;
        for (int x = 2; x < struck.w() - 2; x++) {
          all &= struck.a(x, y + dy) > 0.5f;
        }
        crossesGaps = all;
      }
      assertTrue(crossesGaps, "a row inked across the gaps between the letters");
    }

    @Test
    void sizesAndScales() {
      Out plain = render("Size", BIG);
      Out big = render("<big>Size</big>", BIG);
      Out small = render("<small>Size</small>", BIG);
      Out doubled = render("<span size=\"98304\">Size</span>", BIG); // 96 pt
      Out pt = render("<span size=\"96pt\">Size</span>", BIG);
      Out percent = render("<span size=\"200%\">Size</span>", BIG);
      assertEquals(1.2, (double) big.w() / plain.w(), 0.05);
      assertEquals(1 / 1.2, (double) small.w() / plain.w(), 0.05);
      assertEquals(2.0, (double) doubled.w() / plain.w(), 0.05);
      assertEquals(doubled.w(), pt.w());
      assertEquals(doubled.w(), percent.w());
    }

    @Test
    void monospaceMakesEveryCharacterAsWide() {
      Out narrow = render("<tt>i.i.i.i</tt>", BIG);
      Out wide = render("<tt>m.m.m.m</tt>", BIG);
      Out family = render("<span font_family=\"monospace\">m.m.m.m</span>", BIG);
      int[] n = narrow.inkColumns(0, narrow.h());
      assertEquals(wide.w(), family.w());
      assertTrue(Math.abs(wide.w() - narrow.w()) < 30, "monospace: " + wide.w() + " vs " + narrow.w());
      assertEquals(0, n[0]);
      Out proportional = render("i.i.i.i", BIG);
      Out proportionalWide = render("m.m.m.m", BIG);
      assertTrue(proportionalWide.w() - proportional.w() > 60, "proportional differs a lot");
    }

    @Test
    void markupColoursAreDiscarded() {
      Out plain = render("Colour", BIG.withColor(Rgba.WHITE));
      Out red = render("<span foreground=\"#ff0000\" background=\"blue\">Colour</span>", BIG.withColor(Rgba.WHITE));
      assertArrayEquals(plain.px(), red.px());
    }

    @Test
    void entitiesAreCharacters() {
      assertArrayEquals(render("a &amp; b &lt;c&gt;", BIG).px(), render("a &#38; b &#x3C;c&#62;", BIG).px());
      assertNotEquals(render("a &amp; b", BIG).w(), render("a b", BIG).w());
    }

    @Test
    void spanFontDescriptionsAndWeights() {
      Out bold = render("<b>W</b>", BIG);
      assertArrayEquals(bold.px(), render("<span weight=\"bold\">W</span>", BIG).px());
      assertArrayEquals(bold.px(), render("<span weight=\"700\">W</span>", BIG).px());
      assertArrayEquals(bold.px(), render("<span font=\"Sans Bold\">W</span>", BIG).px());
      assertArrayEquals(render("<i>W</i>", BIG).px(), render("<span style=\"italic\">W</span>", BIG).px());
      assertArrayEquals(render("W", BIG.withSize(20)).px(), render("<span font=\"Sans 20\">W</span>", BIG).px());
    }

    @Test
    void letterSpacingSpan() {
      Out plain = render("HHHHH", BIG);
      Out spaced = render("<span letter_spacing=\"10240\">HHHHH</span>", BIG);
      assertEquals(plain.w() + 40, spaced.w(), 1);
    }
  }

  @Nested
  class Fonts {
    @Test
    void genericNamesAreTheBundledFonts() {
      assertArrayEquals(render("Fonts", BIG).px(), render("Fonts", BIG.withFont("DejaVu Sans")).px());
      assertArrayEquals(render("Fonts", BIG.withFont("sans")).px(), render("Fonts", BIG.withFont("Sans-Serif")).px());
      assertArrayEquals(render("Fonts", BIG.withFont("Monospace")).px(),
          render("Fonts", BIG.withFont("DejaVu Sans Mono")).px());
      assertArrayEquals(render("Fonts", BIG.withFont(Text.Font.bundledMono())).px(),
          render("Fonts", BIG.withFont("mono")).px());
      assertEquals("DejaVu Sans", Text.Font.bundled().family());
      assertTrue(render("Serif", BIG.withFont("Serif")).w() > 0, "Serif always resolves");
    }

    @Test
    void fromFileAndResourceRegisterTheFamily(@TempDir Path dir) throws IOException {
      Path ttf = dir.resolve("mono.ttf");
      try (InputStream in = Text.class.getResourceAsStream("internal/text/fonts/DejaVuSansMono.ttf")) {
        Files.copy(in, ttf);
      }
      Text.Font file = Text.Font.fromFile(ttf);
      assertEquals("DejaVu Sans Mono", file.family());
      assertTrue(file.toString().contains("mono.ttf"));
      Text.Font resource = Text.Font.fromResource(Text.class, "internal/text/fonts/DejaVuSansMono.ttf");
      assertEquals("DejaVu Sans Mono", resource.family());
      assertArrayEquals(render("Mono", BIG.withFont("Monospace")).px(), render("Mono", BIG.withFont(file)).px());
    }

    @Test
    void badFontFilesAreClearErrors(@TempDir Path dir) throws IOException {
      Path junk = dir.resolve("junk.ttf");
      Files.writeString(junk, "not a font");
      IOException e = assertThrows(IOException.class, () -> Text.Font.fromFile(junk));
      assertTrue(e.getMessage().contains("junk.ttf") && e.getMessage().contains("TrueType"), e.getMessage());
      assertThrows(NoSuchFileException.class, () -> Text.Font.fromFile(dir.resolve("missing.ttf")));
      IOException r = assertThrows(IOException.class, () -> Text.Font.fromResource(Text.class, "nope.ttf"));
      assertTrue(r.getMessage().contains("nope.ttf"), r.getMessage());
    }

    @Test
    void unknownFamilyListsCloseMatches() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Text.create("x", BIG.withFont("DejaVu Sanz")));
      assertTrue(e.getMessage().startsWith("Text.create: font family 'DejaVu Sanz'"), e.getMessage());
      assertTrue(e.getMessage().contains("close matches: DejaVu Sans"), e.getMessage());
      IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
          () -> Text.create("<span font_family=\"Nonexistent Family Xyz\">x</span>", BIG));
      assertTrue(m.getMessage().contains("index 0") && m.getMessage().contains("Nonexistent Family Xyz"),
          m.getMessage());
    }

    @Test
    void styleWordsPickWeightAndPosture() {
      Out regular = render("Style", BIG);
      Out bold = render("Style", BIG.withFont("Sans Bold"));
      Out boldItalic = render("Style", BIG.withFont("sans bold italic"));
      Out heavy = render("Style", BIG.withFont("Sans Heavy"));
      assertTrue(bold.ink() > regular.ink() * 1.2);
      assertFalse(java.util.Arrays.equals(bold.px(), boldItalic.px()));
      assertEquals(bold.w(), heavy.w(), "heavy has no face of its own: synthesised bold");
    }
  }

  @Nested
  class Buffers {
    @Test
    void createIntoSetsTheLogicalSizeAndReusesBuffers() {
      try (Image dst = new Image(2000, 200, BackendKind.CPU); ImageU8 u8 = new ImageU8(2000, 200, BackendKind.CPU)) {
        Out expected = render("Buffers", BIG);
        Text.createInto(dst, "Buffers", BIG.withU8Buffer(u8));
        assertEquals(expected.w(), dst.width());
        assertEquals(expected.h(), dst.height());
        assertEquals(2000L * 200, dst.capacity(), "capacity unchanged");
        assertArrayEquals(expected.px(), Images.download(dst));
        Text.createInto(dst, "x", BIG.withU8Buffer(u8));
        assertEquals(render("x", BIG).w(), dst.width());
      }
    }

    @Test
    void tooSmallBuffersAreCapacityErrors() {
      try (Image dst = new Image(10, 10, BackendKind.CPU); ImageU8 u8 = new ImageU8(10, 10, BackendKind.CPU);
           Image big = new Image(2000, 200, BackendKind.CPU)) {
        assertThrows(CapacityExceededException.class, () -> Text.createInto(dst, "Capacity", BIG));
        assertThrows(CapacityExceededException.class, () -> Text.createInto(big, "Capacity", BIG.withU8Buffer(u8)));
      }
    }

    @Test
    void freedBuffersAreRefused() {
      Image dst = new Image(100, 100, BackendKind.CPU);
      dst.close();
      assertThrows(IllegalStateException.class, () -> Text.createInto(dst, "x"));
      ImageU8 u8 = new ImageU8(100, 100, BackendKind.CPU);
      u8.close();
      assertThrows(IllegalStateException.class, () -> Text.create("x", BIG.withU8Buffer(u8)));
    }
  }

  @Nested
  class Errors {
    private String message(String text, Text.Options options) {
      return assertThrows(IllegalArgumentException.class, () -> Text.create(text, options)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "<b> </b>", "<span size=\"large\">\n</span>"})
    void emptyOrWhitespaceText(String text) {
      assertTrue(message(text, BIG).contains("no text to render"), message(text, BIG));
    }

    @Test
    void invisibleCharactersDrawNothing() {
      assertTrue(message("\u200b", BIG).contains("draws no pixels"), message("\u200b", BIG));
    }

    @Test
    void malformedMarkupNamesThePosition() {
      assertEquals("Text.create: invalid markup in text at index 0 (line 1, column 1): <b> is never closed "
          + "(add </b>)", message("<b>bold", BIG));
      assertTrue(message("Tom & Jerry", BIG).contains("at index 4 (line 1, column 5): '&' must start an entity: "
          + "write &amp;"));
      assertTrue(message("1 < 2", BIG).contains("index 2"), message("1 < 2", BIG));
      assertTrue(message("ab\n<foo>x</foo>", BIG).contains("index 3 (line 2, column 1): unknown tag <foo>"));
      assertTrue(message("<b><i>x</b></i>", BIG).contains("</b> does not match <i> opened at index 3"));
      assertTrue(message("x</b>", BIG).contains("</b> closes nothing"));
      assertTrue(message("<span colour=\"red\">x</span>", BIG).contains("attribute 'colour' is not supported"));
      assertTrue(message("<span size=\"huge\">x</span>", BIG).contains("size=\"huge\""));
      assertTrue(message("<span weight=\"fat\">x</span>", BIG).contains("weight=\"fat\""));
      assertTrue(message("<span foreground=\"#12\">x</span>", BIG).contains("foreground=\"#12\""));
      assertTrue(message("<b class=\"x\">x</b>", BIG).contains("<b> takes no attributes"));
      assertTrue(message("&bogus; x", BIG).contains("unknown entity &bogus;"));
    }

    @Test
    void invalidOptions() {
      assertEquals("Text.create: size must be positive, got 0.0", message("x", BIG.withSize(0)));
      assertTrue(message("x", BIG.withSize(-3)).contains("size must be positive"));
      assertTrue(message("x", BIG.withSize(Float.NaN)).contains("size must be positive"));
      assertTrue(message("x", BIG.withSize(Float.POSITIVE_INFINITY)).contains("size must be a finite number"));
      assertTrue(message("x", BIG.withSize(1e6f)).contains("size too large"));
      assertTrue(message("x", BIG.withLetterSpacing(Float.NaN)).contains("letterSpacing must be a finite number"));
      assertTrue(message("x", BIG.withColor(new Rgba(Float.NaN, 0, 0, 1))).contains("options.color red must be a finite number"));
      assertTrue(message("x", BIG.withBgColor(new Rgba(0, 0, 0, Float.NaN))).contains("options.bgColor alpha must be a finite number"));
      assertTrue(message("x", BIG.withFont("Sans 12")).contains("give the size in the size parameter"));
      assertThrows(NullPointerException.class, () -> Text.create(null, BIG));
      assertThrows(NullPointerException.class, () -> Text.create("x", (Text.Options) null));
      assertThrows(NullPointerException.class, () -> Text.create("x", BIG.withColor(null)));
      assertThrows(NullPointerException.class, () -> Text.create("x", BIG.withAlign(null)));
      assertThrows(NullPointerException.class, () -> Text.createInto(null, "x"));
      assertThrows(IllegalArgumentException.class, () -> TextAlign.parse("middle"));
    }

    @Test
    void tooLargeResults() {
      String line = "W".repeat(2000);
      assertTrue(message(line, BIG.withSize(400)).contains("too large"), message(line, BIG.withSize(400)));
    }
  }
}
