package io.jimagecuda.jmh;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Blend;
import io.jimagecuda.Fill;
import io.jimagecuda.Filter;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Resize;
import io.jimagecuda.Rgba;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Representative ops (fill, blend, blur, resize, float to 8-bit conversion) with reused buffers, on the
 * backend of {@link #backend}: each call is followed by a synchronize, so a CUDA time is the whole
 * kernel, not its launch. Run through {@link Benchmarks} (which leaves out CUDA where it is unavailable).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OpsBenchmark {
  /** The backend: {@code cpu} or {@code cuda}. */
  @Param({"cpu", "cuda"})
  public String backend;

  /** The image size, {@code WIDTHxHEIGHT}. */
  @Param({"1920x1080"})
  public String size;

  private BackendKind kind;
  private Image a;
  private Image b;
  private Image blurred;
  private Image half;
  private ImageU8 u8;

  /** Allocates the images and fills the inputs. */
  @Setup(Level.Trial)
  public void allocate() {
    kind = BackendKind.valueOf(backend.toUpperCase(java.util.Locale.ROOT));
    if (kind == BackendKind.CUDA && !JImageCuda.isCudaAvailable()) {
      throw new IllegalStateException("backend=cuda, but " + JImageCuda.cudaStatus());
    }
    String[] wh = size.split("x");
    int w = Integer.parseInt(wh[0]);
    int h = Integer.parseInt(wh[1]);
    a = new Image(w, h, kind);
    b = new Image(w, h, kind);
    blurred = new Image(w, h, kind);
    half = new Image(w / 2, h / 2, kind);
    u8 = new ImageU8(w, h, kind);
    Fill.perlin(a, Fill.Perlin.DEFAULTS.withScale(60));
    Fill.gradient(b, new Rgba(1, 0, 0, 0.6f), new Rgba(0, 0, 1, 0.3f), GradientDirection.DIAGONAL);
    JImageCuda.synchronize(kind);
  }

  /** Frees the images. */
  @TearDown(Level.Trial)
  public void free() {
    for (AutoCloseable c : new AutoCloseable[] {a, b, blurred, half, u8}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code Fill.gradient}, radial: a generator (writes every pixel, reads none). */
  @Benchmark
  public void fillGradient() {
    Fill.gradient(blurred, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.RADIAL);
    JImageCuda.synchronize(kind);
  }

  /** {@code Blend.normal}: reads two images, writes one. */
  @Benchmark
  public void blendNormal() {
    Images.copy(blurred, a);
    Blend.normal(blurred, b);
    JImageCuda.synchronize(kind);
  }

  /** {@code Filter.gaussianBlurInto} with radius 5 (separable, two passes). */
  @Benchmark
  public void gaussianBlur() {
    Filter.gaussianBlurInto(blurred, a, 5);
    JImageCuda.synchronize(kind);
  }

  /** {@code Resize.bilinearInto} to half the size. */
  @Benchmark
  public void resizeBilinearHalf() {
    Resize.bilinearInto(half, a, a.width() / 2, a.height() / 2);
    JImageCuda.synchronize(kind);
  }

  /** {@code Images.convertFloatToU8}: float32 RGBA to 8-bit RGBA. */
  @Benchmark
  public void convertFloatToU8() {
    Images.convertFloatToU8(u8, a);
    JImageCuda.synchronize(kind);
  }
}
