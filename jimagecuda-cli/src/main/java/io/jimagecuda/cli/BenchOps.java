package io.jimagecuda.cli;

import io.jimagecuda.Adjust;
import io.jimagecuda.Blend;
import io.jimagecuda.Effect;
import io.jimagecuda.Fill;
import io.jimagecuda.Filter;
import io.jimagecuda.Images;
import io.jimagecuda.Resize;
import io.jimagecuda.Rgba;
import io.jimagecuda.Text;
import io.jimagecuda.Transform;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registry of {@code jimagecuda bench ops}: one line per entry, in table order, with the reference's
 * default parameters. A family adds its ops here; {@link BenchOp#published()} also puts an entry in the
 * section of PyImageCUDA's published set. Names are the keys of {@code dev/bench_peers.py}'s results: an op
 * the peers also time should use the peers' name (listed in that script, e.g.
 * {@code "filter.gaussianBlur r20"}, {@code "blend.normal"}, {@code "resize.bilinear 800x600"}).
 */
final class BenchOps {
  /** The bandwidth reference: % of copy is measured against this entry. */
  static final String COPY = "copy";

  private static final Rgba COLOR = new Rgba(0.2f, 0.4f, 0.6f, 1);

  private static final Filter.GaussianBlur BLUR3 = Filter.GaussianBlur.DEFAULTS;
  private static final Filter.GaussianBlur BLUR20 = Filter.GaussianBlur.DEFAULTS.withRadius(20);
  private static final Effect.Stroke STROKE20 = Effect.Stroke.DEFAULTS.withWidth(20);
  private static final Effect.DropShadow SHADOW20 = Effect.DropShadow.DEFAULTS.withBlur(20);
  /** The paragraph of issue 8's text goal: 20 words, one line, at 48 px. */
  static final String PARAGRAPH = "The quick brown fox jumps over the lazy dog while seven wizards quietly hex "
      + "a jovial band of merry pilgrims";
  private static final Text.Options TEXT48 = Text.Options.DEFAULTS.withSize(48).withColor(Rgba.WHITE);
  private static final int TEXT_WARMUP = 300;
  private static final AtomicBoolean TEXT_WARMED = new AtomicBoolean();

  private BenchOps() {
  }

  /** Every entry, {@link #COPY} first. */
  static List<BenchOp> all() {
    return List.of(
        BenchOp.inPlace(COPY, 32, (img, b) -> Images.copy(img, b.src)).published(),
        BenchOp.inPlace("fill.color", 16, (img, b) -> Fill.color(img, COLOR)).published(),
        BenchOp.inPlace("fill.gradient", 16, (img, b) -> Fill.gradient(img, Rgba.BLACK, Rgba.WHITE)).published(),
        BenchOp.inPlace("fill.checkerboard", 16, (img, b) -> Fill.checkerboard(img)),
        BenchOp.inPlace("fill.grid", 16, (img, b) -> Fill.grid(img)),
        BenchOp.inPlace("fill.stripes", 16, (img, b) -> Fill.stripes(img)),
        BenchOp.inPlace("fill.dots", 16, (img, b) -> Fill.dots(img)),
        BenchOp.inPlace("fill.circle", 16, (img, b) -> Fill.circle(img)),
        BenchOp.inPlace("fill.noise", 16, (img, b) -> Fill.noise(img)).published(),
        BenchOp.inPlace("fill.perlin", 16, (img, b) -> Fill.perlin(img)).published(),
        BenchOp.inPlace("fill.ngon", 16, (img, b) -> Fill.ngon(img)),
        BenchOp.of("convert.floatToU8", 20, b -> Images.convertFloatToU8(b.u8, b.src)),
        BenchOp.of("convert.u8ToFloat", 20, b -> Images.convertU8ToFloat(b.dst, b.u8)),
        BenchOp.inPlace("adjust.brightness", 32, (img, b) -> Adjust.brightness(img, 0.2f)),
        BenchOp.inPlace("adjust.contrast", 32, (img, b) -> Adjust.contrast(img, 1.5f)),
        BenchOp.inPlace("adjust.saturation", 32, (img, b) -> Adjust.saturation(img, 1.5f)),
        BenchOp.inPlace("adjust.gamma", 32, (img, b) -> Adjust.gamma(img, 2.2f)),
        BenchOp.inPlace("adjust.opacity", 32, (img, b) -> Adjust.opacity(img, 0.8f)),
        BenchOp.inPlace("adjust.vibrance", 32, (img, b) -> Adjust.vibrance(img, 0.8f)),
        BenchOp.inPlace("adjust.hue", 32, (img, b) -> Adjust.hue(img, 30)),
        BenchOp.inPlace("blend.normal", 48, (img, b) -> Blend.normal(img, b.other)).published(),
        BenchOp.inPlace("blend.multiply", 48, (img, b) -> Blend.multiply(img, b.other)),
        BenchOp.inPlace("blend.screen", 48, (img, b) -> Blend.screen(img, b.other)),
        BenchOp.inPlace("blend.add", 48, (img, b) -> Blend.add(img, b.other)),
        BenchOp.inPlace("blend.overlay", 48, (img, b) -> Blend.overlay(img, b.other)),
        BenchOp.inPlace("blend.softLight", 48, (img, b) -> Blend.softLight(img, b.other)),
        BenchOp.inPlace("blend.hardLight", 48, (img, b) -> Blend.hardLight(img, b.other)),
        BenchOp.inPlace("blend.mask", 48, (img, b) -> Blend.mask(img, b.other)),
        // Resampling to 800x600 reads about the whole source once and writes a small result: ~17 bytes per
        // source pixel at either benchmark size.
        BenchOp.producer("resize.nearest 800x600", 17, b -> Resize.nearestInto(b.dst, b.src, 800, 600),
            b -> Resize.nearest(b.src, 800, 600)),
        BenchOp.producer("resize.bilinear 800x600", 17, b -> Resize.bilinearInto(b.dst, b.src, 800, 600),
            b -> Resize.bilinear(b.src, 800, 600)).published(),
        BenchOp.producer("resize.bicubic 800x600", 17, b -> Resize.bicubicInto(b.dst, b.src, 800, 600),
            b -> Resize.bicubic(b.src, 800, 600)),
        BenchOp.producer("resize.lanczos 800x600", 17, b -> Resize.lanczosInto(b.dst, b.src, 800, 600),
            b -> Resize.lanczos(b.src, 800, 600)).published(),
        // A 35-degree rotation with expand writes about 2.1 times the source's pixels.
        BenchOp.producer("transform.rotate 35 expand", 50, b -> Transform.rotateInto(b.dst, b.src, 35),
            b -> Transform.rotate(b.src, 35)).published(),
        BenchOp.producer("transform.flip", 32, b -> Transform.flipInto(b.dst, b.src),
            b -> Transform.flip(b.src)).published(),
        BenchOp.producer("transform.zoom 2x", 32, b -> Transform.zoomInto(b.dst, b.src, 2),
            b -> Transform.zoom(b.src, 2)),
        // A centre crop touches only 512 x 512 pixels: its GB/s column is not meaningful.
        BenchOp.producer("transform.crop 512x512", 1, b -> Transform.cropInto(b.dst, b.src,
            (b.width() - 512) / 2, (b.height() - 512) / 2, 512, 512),
            b -> Transform.crop(b.src, (b.width() - 512) / 2, (b.height() - 512) / 2, 512, 512)).published(),
        BenchOp.producer("filter.gaussianBlur r3", 64,
            b -> Filter.gaussianBlurInto(b.dst, b.src, BLUR3.withTemp(b.temp)), b -> Filter.gaussianBlur(b.src, BLUR3)),
        BenchOp.producer("filter.gaussianBlur r20", 64,
            b -> Filter.gaussianBlurInto(b.dst, b.src, BLUR20.withTemp(b.temp)),
            b -> Filter.gaussianBlur(b.src, BLUR20)).published(),
        BenchOp.producer("filter.sharpen", 32, b -> Filter.sharpenInto(b.dst, b.src, 1f),
            b -> Filter.sharpen(b.src, 1f)),
        BenchOp.producer("filter.sobel", 32, b -> Filter.sobelInto(b.dst, b.src), b -> Filter.sobel(b.src)),
        BenchOp.producer("filter.emboss", 32, b -> Filter.embossInto(b.dst, b.src, 1f), b -> Filter.emboss(b.src, 1f)),
        BenchOp.inPlace("filter.sepia", 32, (img, b) -> Filter.sepia(img, 1f)),
        BenchOp.inPlace("filter.invert", 32, (img, b) -> Filter.invert(img)),
        BenchOp.inPlace("filter.threshold", 32, (img, b) -> Filter.threshold(img, 0.5f)),
        BenchOp.inPlace("filter.solarize", 32, (img, b) -> Filter.solarize(img, 0.5f)),
        BenchOp.inPlace("effect.roundedCorners 50", 32, (img, b) -> Effect.roundedCorners(img, 50)),
        BenchOp.inPlace("effect.vignette", 32, (img, b) -> Effect.vignette(img)),
        // Jump flooding over the grown canvas: a seed pass, log2(side) passes and the composite, each reading
        // and writing the 8-byte seed planes; compare with a blur of the same radius.
        BenchOp.producer("effect.stroke 20", 64, b -> Effect.strokeInto(b.dst, b.other, STROKE20.withDistance(b.temp)),
            b -> Effect.stroke(b.other, STROKE20)).published(),
        BenchOp.inPlace("effect.chromaKey", 32, (img, b) -> Effect.chromaKey(img)),
        // The silhouette (32 bytes a pixel), the blur in place on the grown canvas (64) and the composite
        // (48); compare with a blur of the same radius. Reused: the canvas; the blur's scratch is pooled.
        BenchOp.producer("effect.dropShadow 20", 144,
            b -> Effect.dropShadowInto(b.dst, b.other, SHADOW20.withShadow(b.temp)),
            b -> Effect.dropShadow(b.other, SHADOW20)).published(),
        // Java2D layout and rasterisation on the host, the one-byte-per-pixel upload into the reused 8-bit
        // buffer and the conversion (a kernel on CUDA): independent of the benchmark's size (the result is
        // about 2900x47), so its GB/s column is not meaningful. The goal (issue 8) is 5 ms on the GPU machine.
        // The first call in a JVM also runs TEXT_WARMUP untimed calls (during the harness's warm-up): Java2D's
        // layout code is large and needs a few hundred calls before the JIT has compiled it, far more than
        // the harness's CPU warm-up of single calls; a long-running application is in that steady state.
        BenchOp.of("text.create 20 words 48px", 1, b -> {
          if (!TEXT_WARMED.getAndSet(true)) {
            for (int i = 0; i < TEXT_WARMUP; i++) {
              Text.createInto(b.dst, PARAGRAPH, TEXT48.withU8Buffer(b.textU8));
            }
          }
          Text.createInto(b.dst, PARAGRAPH, TEXT48.withU8Buffer(b.textU8));
        }));
  }
}
