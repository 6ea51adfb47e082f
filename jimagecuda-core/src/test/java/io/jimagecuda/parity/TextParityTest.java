package io.jimagecuda.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.Text;
import io.jimagecuda.TextAlign;
import io.jimagecuda.internal.ImageAccess;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CUDA against CPU for {@code text_create}, the coverage-to-RGBA conversion: bit-identical results for
 * random coverage masks and random colours (opaque, translucent, out of range, with and without a
 * background), driven through the backends' {@code TextOps.create} directly, and whole
 * {@link Text#create} calls on both backends.
 */
@GpuOnly
class TextParityTest {
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "3,7", "333,61", "1920,1080"})
  void createOnRandomMasksAndColours(int w, int h) {
    long seed = System.nanoTime();
    Random r = new Random(seed);
    byte[] mask = new byte[w * h * 4];
    r.nextBytes(mask);
    for (int i = 0; i < w * h / 8; i++) { // make the ends of the range frequent
      mask[r.nextInt(w * h)] = (byte) (r.nextBoolean() ? 0 : 255);
    }
    for (int round = 0; round < 12; round++) {
      int fg = colour(r, round % 3 == 0);
      int bg = switch (round % 4) {
        case 0 -> 0; // no background
        case 1 -> colour(r, true) | 0xFF000000; // opaque
        default -> colour(r, false);
      };
      float[] cpu = create(BackendKind.CPU, w, h, mask, fg, bg);
      float[] cuda = create(BackendKind.CUDA, w, h, mask, fg, bg);
      assertArrayEquals(cpu, cuda, "seed " + seed + ", fg " + Integer.toHexString(fg) + ", bg "
          + Integer.toHexString(bg));
    }
  }

  private static int colour(Random r, boolean opaque) {
    int c = r.nextInt();
    return opaque ? c | 0xFF000000 : c;
  }

  private static float[] create(BackendKind kind, int w, int h, byte[] mask, int fg, int bg) {
    try (ImageU8 u8 = new ImageU8(w, h, kind); Image dst = new Image(w, h, kind)) {
      Images.upload(u8, mask);
      ImageAccess.backend(dst).text().create(ImageAccess.storage(dst), ImageAccess.storage(u8), w, h, fg, bg);
      return Images.download(dst);
    }
  }

  @Test
  void createWholeTextsOnBothBackends() {
    String[] texts = {"Hello, <b>GPU</b> world", "<i>multi</i>\n<u>line</u> &amp; <tt>mono</tt>",
        "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627", "<span size=\"x-large\">big</span> small"};
    Rgba[] colours = {Rgba.BLACK, new Rgba(0.9f, 0.3f, 0.1f, 0.6f), new Rgba(1.5f, -0.2f, 0.5f, 2f)};
    Rgba[] backgrounds = {Rgba.TRANSPARENT, Rgba.WHITE, new Rgba(0.1f, 0.8f, 0.3f, 0.4f)};
    for (String t : texts) {
      for (int i = 0; i < colours.length; i++) {
        Text.Options o = Text.Options.DEFAULTS.withSize(40).withColor(colours[i]).withBgColor(backgrounds[i])
            .withAlign(TextAlign.values()[i]).withLetterSpacing(i * 1.5f);
        float[] cpu = createInto(BackendKind.CPU, t, o);
        float[] cuda = createInto(BackendKind.CUDA, t, o);
        assertArrayEquals(cpu, cuda, t + " with " + o);
      }
    }
  }

  /** {@code Text.createInto} a large image on {@code kind}, with a scratch buffer there; the pixels. */
  private static float[] createInto(BackendKind kind, String text, Text.Options o) {
    try (Image dst = new Image(2048, 512, kind); ImageU8 u8 = new ImageU8(2048, 512, kind)) {
      Text.createInto(dst, text, o.withU8Buffer(u8));
      assertEquals(dst.width(), u8.width());
      return Images.download(dst);
    }
  }
}
