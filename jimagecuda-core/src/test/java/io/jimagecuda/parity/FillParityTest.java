package io.jimagecuda.parity;

import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@link io.jimagecuda.Fill} op on CUDA against the CPU backend, with fresh random parameters at
 * sizes from one pixel to 4K. The parameters come from a master seed, printed on failure; set
 * {@code -Djimagecuda.test.seed=N} to repeat a run.
 */
@GpuOnly
class FillParityTest {
  private static final long SEED = Long.getLong("jimagecuda.test.seed", System.nanoTime());

  /** A random number source for one case, and the text that describes its parameters. */
  private static final class Case {
    final Random random;
    final StringBuilder text = new StringBuilder();

    Case(String op, int width, int height) {
      random = new Random(SEED ^ (op.hashCode() * 1_000_003L + width * 31L + height));
      text.append(op).append(" (seed ").append(SEED).append(')');
    }

    int i(String name, int min, int max) {
      return log(name, min + random.nextInt(max - min + 1));
    }

    float f(String name, float min, float max) {
      return log(name, min + random.nextFloat() * (max - min));
    }

    boolean b(String name) {
      return log(name, random.nextBoolean());
    }

    /** A colour with channels in −0.25..1.25 (fills write colours unclamped). */
    Rgba rgba(String name) {
      return log(name, new Rgba(channel(), channel(), channel(), channel()));
    }

    private float channel() {
      return -0.25f + 1.5f * random.nextFloat();
    }

    <T> T log(String name, T value) {
      text.append(' ').append(name).append('=').append(value);
      return value;
    }

    void compare(int width, int height, Consumer<Image> op) {
      Parity.compare(width, height, op, text.toString());
    }
  }

  private static final String SIZES = "1, 1\n3, 7\n1001, 777\n3840, 2160";

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void color(int w, int h) {
    Case c = new Case("Fill.color", w, h);
    Rgba rgba = c.rgba("rgba");
    c.compare(w, h, img -> Fill.color(img, rgba));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void gradient(int w, int h) {
    for (GradientDirection direction : GradientDirection.values()) {
      Case c = new Case("Fill.gradient " + direction, w, h);
      Rgba rgba1 = c.rgba("rgba1");
      Rgba rgba2 = c.rgba("rgba2");
      boolean seamless = c.b("seamless");
      c.compare(w, h, img -> Fill.gradient(img, rgba1, rgba2, new Fill.Gradient(direction, seamless)));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void checkerboard(int w, int h) {
    Case c = new Case("Fill.checkerboard", w, h);
    int size = c.i("size", 1, 64);
    Rgba color1 = c.rgba("color1");
    Rgba color2 = c.rgba("color2");
    int offsetX = c.i("offsetX", -200, 200);
    int offsetY = c.i("offsetY", -200, 200);
    c.compare(w, h, img -> Fill.checkerboard(img, new Fill.Checkerboard(size, color1, color2, offsetX, offsetY)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void grid(int w, int h) {
    Case c = new Case("Fill.grid", w, h);
    int spacing = c.i("spacing", 1, 64);
    int lineWidth = c.i("lineWidth", 1, spacing + 2);
    Rgba color = c.rgba("color");
    Rgba bgColor = c.rgba("bgColor");
    int offsetX = c.i("offsetX", -200, 200);
    int offsetY = c.i("offsetY", -200, 200);
    c.compare(w, h, img -> Fill.grid(img, new Fill.Grid(spacing, lineWidth, color, bgColor, offsetX, offsetY)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void stripes(int w, int h) {
    Case c = new Case("Fill.stripes", w, h);
    float angle = c.f("angle", -360, 360);
    int spacing = c.i("spacing", 1, 80);
    int width = c.i("width", -5, 90);
    Rgba color1 = c.rgba("color1");
    Rgba color2 = c.rgba("color2");
    int offset = c.i("offset", -200, 200);
    c.compare(w, h, img -> Fill.stripes(img, new Fill.Stripes(angle, spacing, width, color1, color2, offset)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void dots(int w, int h) {
    Case c = new Case("Fill.dots", w, h);
    int spacing = c.i("spacing", 1, 80);
    float radius = c.f("radius", 0, 50);
    Rgba color = c.rgba("color");
    Rgba bgColor = c.rgba("bgColor");
    int offsetX = c.i("offsetX", -200, 200);
    int offsetY = c.i("offsetY", -200, 200);
    float softness = c.b("soft") ? c.f("softness", 0, 1.5f) : 0;
    c.compare(w, h, img -> Fill.dots(img, new Fill.Dots(spacing, radius, color, bgColor, offsetX, offsetY, softness)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void circle(int w, int h) {
    Case c = new Case("Fill.circle", w, h);
    Rgba color = c.rgba("color");
    Rgba bgColor = c.rgba("bgColor");
    float softness = c.b("soft") ? c.f("softness", 0, 1.5f) : 0;
    c.compare(w, h, img -> Fill.circle(img, new Fill.Circle(color, bgColor, softness)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void noise(int w, int h) {
    Case c = new Case("Fill.noise", w, h);
    float seed = c.b("integerSeed") ? c.i("seed", -1000, 1000) : c.f("seed", -1000, 1000);
    boolean monochrome = c.b("monochrome");
    c.compare(w, h, img -> Fill.noise(img, new Fill.Noise(seed, monochrome)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void perlin(int w, int h) {
    Case c = new Case("Fill.perlin", w, h);
    float scale = c.f("scale", 1, 200);
    float seed = c.i("seed", -1000, 1000);
    int octaves = c.i("octaves", 1, 8);
    float persistence = c.f("persistence", 0.2f, 0.8f);
    float lacunarity = c.f("lacunarity", 1.5f, 3);
    float offsetX = c.f("offsetX", -500, 500);
    float offsetY = c.f("offsetY", -500, 500);
    Rgba color1 = c.rgba("color1");
    Rgba color2 = c.rgba("color2");
    c.compare(w, h, img -> Fill.perlin(img, new Fill.Perlin(scale, seed, octaves, persistence, lacunarity,
        offsetX, offsetY, color1, color2)));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource(textBlock = SIZES)
  void ngon(int w, int h) {
    Case c = new Case("Fill.ngon", w, h);
    int sides = c.i("sides", 3, 12);
    Rgba color = c.rgba("color");
    Rgba bgColor = c.rgba("bgColor");
    float rotation = c.f("rotation", -360, 360);
    float softness = c.b("soft") ? c.f("softness", 0, 1.5f) : 0;
    c.compare(w, h, img -> Fill.ngon(img, new Fill.Ngon(sides, color, bgColor, rotation, softness)));
  }
}
