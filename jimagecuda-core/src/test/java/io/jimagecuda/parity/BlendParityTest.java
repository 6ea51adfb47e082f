package io.jimagecuda.parity;

import io.jimagecuda.Anchor;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Blend;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.MaskMode;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link Blend} op on CUDA against the CPU backend at sizes from one pixel to 4K: random base and
 * layer pixels (colours in −0.25..1.25, alphas with exact 0s and 1s among them), random layer sizes up
 * to a quarter larger than the base, random anchors and offsets that put the layer inside, partly outside
 * (on any side) or wholly outside the base, and the layer blended onto itself. The parameters come from a
 * master seed, printed on failure; set {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class BlendParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());
  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  /** A blend mode or the mask, applied with the case's parameters. */
  private interface Op {
    void run(Image base, Image layer);
  }

  /** One op at one base size: its random inputs and the text that describes them. */
  private static final class Case {
    final Random random;
    final StringBuilder text = new StringBuilder();
    final int width;
    final int height;

    Case(String op, int width, int height, int variant) {
      this.width = width;
      this.height = height;
      random = new Random(SEED ^ (op.hashCode() * 1_000_003L + width * 31L + height) ^ (variant * 7_919L));
      text.append(op).append(" (seed ").append(SEED).append(", variant ").append(variant).append(')');
    }

    <T> T log(String name, T value) {
      text.append(' ').append(name).append('=').append(value);
      return value;
    }

    /** Pixels with colours in −0.25..1.25 and alphas of which a tenth are 0 and a tenth are 1. */
    float[] pixels(int w, int h) {
      float[] a = new float[w * h * 4];
      for (int i = 0; i < a.length; i++) {
        if (i % 4 == 3) {
          int pick = random.nextInt(10);
          a[i] = pick == 0 ? 0 : pick == 1 ? 1 : random.nextFloat();
        } else {
          a[i] = -0.25f + 1.5f * random.nextFloat();
        }
      }
      return a;
    }

    /** A layer side: one pixel, the base's, or anything up to a quarter larger. */
    int side(String name, int base) {
      return log(name, switch (random.nextInt(4)) {
        case 0 -> 1;
        case 1 -> base;
        default -> 1 + random.nextInt(base + base / 4 + 1);
      });
    }

    /** An offset that keeps the layer on the base, pushes it partly off either side, or wholly off. */
    int offset(String name, int base, int layer) {
      return log(name, switch (random.nextInt(5)) {
        case 0 -> 0;
        case 1 -> -layer / 2 - random.nextInt(Math.max(1, layer / 2));
        case 2 -> base - layer / 2 + random.nextInt(Math.max(1, layer / 2));
        case 3 -> (random.nextBoolean() ? 1 : -1) * (base + layer + random.nextInt(50));
        default -> random.nextInt(2 * base + 1) - base;
      });
    }

    /** The layer's size: the base's when it is the base itself ({@code self}), else random. */
    int layerWidth;
    int layerHeight;
    boolean self;

    /** Chooses the layer: the base itself, or a new one of random size. */
    void layer(boolean self) {
      this.self = self;
      layerWidth = self ? width : side("layerWidth", width);
      layerHeight = self ? height : side("layerHeight", height);
    }

    /** Runs {@code op} (same parameters each time) on both backends and compares the bases. */
    void compare(Op op) {
      float[] baseData = pixels(width, height);
      float[] layerData = self ? null : pixels(layerWidth, layerHeight);
      float[] cpu = run(BackendKind.CPU, baseData, layerData, layerWidth, layerHeight, op);
      float[] cuda = run(BackendKind.CUDA, baseData, layerData, layerWidth, layerHeight, op);
      Parity.assertClose(cpu, cuda, width, text + " at " + width + "x" + height);
    }

    private float[] run(BackendKind kind, float[] baseData, float[] layerData, int lw, int lh, Op op) {
      try (Image base = new Image(width, height, kind)) {
        Images.upload(base, baseData);
        if (layerData == null) {
          op.run(base, base);
        } else {
          try (Image layer = new Image(lw, lh, kind)) {
            Images.upload(layer, layerData);
            op.run(base, layer);
          }
        }
        return Images.download(base);
      }
    }
  }

  /** A blend mode through its {@link Blend.Layer} overload. */
  private interface Mode {
    void blend(Image base, Image overlay, Blend.Layer layer);
  }

  /**
   * Four variants of {@code mode}: two random placements with random opacity, one at opacity 1, and the
   * base blended onto itself in place.
   */
  private static void compareMode(String name, int w, int h, Mode mode) {
    for (int variant = 0; variant < 4; variant++) {
      Case c = new Case(name, w, h, variant);
      boolean self = variant == 3;
      Anchor anchor = self ? Anchor.CENTER : c.log("anchor", Anchor.values()[c.random.nextInt(9)]);
      float opacity = c.log("opacity", variant == 2 ? 1f : c.random.nextFloat());
      c.layer(self);
      int ox = self ? 0 : c.offset("offsetX", w, c.layerWidth);
      int oy = self ? 0 : c.offset("offsetY", h, c.layerHeight);
      Blend.Layer layer = new Blend.Layer(anchor, ox, oy, opacity);
      c.compare((base, overlay) -> mode.blend(base, overlay, layer));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void normal(int w, int h) {
    compareMode("Blend.normal", w, h, Blend::normal);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void multiply(int w, int h) {
    compareMode("Blend.multiply", w, h, Blend::multiply);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void screen(int w, int h) {
    compareMode("Blend.screen", w, h, Blend::screen);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void add(int w, int h) {
    compareMode("Blend.add", w, h, Blend::add);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void overlay(int w, int h) {
    compareMode("Blend.overlay", w, h, Blend::overlay);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void softLight(int w, int h) {
    compareMode("Blend.softLight", w, h, Blend::softLight);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void hardLight(int w, int h) {
    compareMode("Blend.hardLight", w, h, Blend::hardLight);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void mask(int w, int h) {
    for (int variant = 0; variant < 4; variant++) {
      Case c = new Case("Blend.mask", w, h, variant);
      boolean self = variant == 3;
      Anchor anchor = self ? Anchor.TOP_LEFT : c.log("anchor", Anchor.values()[c.random.nextInt(9)]);
      MaskMode mode = c.log("mode", variant % 2 == 0 ? MaskMode.LUMINANCE : MaskMode.ALPHA);
      c.layer(self);
      int ox = self ? 0 : c.offset("offsetX", w, c.layerWidth);
      int oy = self ? 0 : c.offset("offsetY", h, c.layerHeight);
      Blend.MaskLayer layer = new Blend.MaskLayer(anchor, ox, oy, mode);
      c.compare((base, mask) -> Blend.mask(base, mask, layer));
    }
  }
}
