package io.jimagecuda.internal.backend;

/**
 * The four resamplers (spec §3.7). Each writes every pixel of the {@code dstWidth × dstHeight} area of
 * {@code dst} from the {@code srcWidth × srcHeight} area of {@code src}: output pixel {@code (x, y)}
 * samples the source at {@code (fma(x + 0.5, srcWidth/dstWidth, −0.5), fma(y + 0.5, srcHeight/dstHeight,
 * −0.5))} (scales rounded to float) with the sampler of spec §2.3. Arguments are already validated by
 * {@code Resize}: {@code dst} and {@code src} are different F32 storages of this backend, and the sizes
 * differ (equal sizes are a copy, done by the facade).
 */
public interface ResizeOps {
  /** See {@link io.jimagecuda.Resize#nearest}. */
  void nearest(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight);

  /** See {@link io.jimagecuda.Resize#bilinear}. */
  void bilinear(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight);

  /** See {@link io.jimagecuda.Resize#bicubic}. */
  void bicubic(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight);

  /** See {@link io.jimagecuda.Resize#lanczos}. */
  void lanczos(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight);
}
