package io.jimagecuda.internal.backend;

import org.jspecify.annotations.Nullable;

/**
 * The filters (spec §3.4). Producers write {@code dst} from {@code src}; the others work in place on the
 * {@code width × height} logical area of an F32 storage. Arguments are already validated by
 * {@code Filter} (or by the op that reuses the blur): sizes fit every storage's capacity, and only the
 * aliasing documented per method occurs.
 */
public interface FilterOps {
  /**
   * Separable Gaussian blur with clamp-to-edge borders: a horizontal pass, then a vertical pass on its
   * result, each output {@code w0·S} plus, for {@code i = 1..radius} in order,
   * {@code fma(left_i + right_i, w_i, acc)}. {@code dst} may be {@code src}. See
   * {@link io.jimagecuda.Filter#gaussianBlur}.
   *
   * @param temp scratch for the horizontal result, at least {@code width × height} pixels, neither
   *     {@code src} nor {@code dst}; its pixels afterwards are unspecified. {@code null}: the backend
   *     allocates scratch if it needs some (CUDA from the stream-ordered pool) and frees it before
   *     returning; the CPU backend often needs none (it keeps the rows it needs in buffers of its own).
   * @param weights {@code w[0..radius]} from {@link GaussianWeights#compute}, radius 0..100
   */
  void gaussianBlur(Storage dst, Storage src, @Nullable Storage temp, int width, int height, float[] weights);

  /** See {@link io.jimagecuda.Filter#sharpen}; {@code dst != src}, {@code strength > 0}. */
  void sharpen(Storage dst, Storage src, int width, int height, float strength);

  /** See {@link io.jimagecuda.Filter#sobel}; {@code dst != src}. */
  void sobel(Storage dst, Storage src, int width, int height);

  /** See {@link io.jimagecuda.Filter#emboss}; {@code dst != src}. */
  void emboss(Storage dst, Storage src, int width, int height, float strength);

  /** See {@link io.jimagecuda.Filter#sepia}; in place. */
  void sepia(Storage img, int width, int height, float intensity);

  /** See {@link io.jimagecuda.Filter#invert}; in place. */
  void invert(Storage img, int width, int height);

  /** See {@link io.jimagecuda.Filter#threshold}; in place. */
  void threshold(Storage img, int width, int height, float value);

  /** See {@link io.jimagecuda.Filter#solarize}; in place. */
  void solarize(Storage img, int width, int height, float threshold);
}
