package io.jimagecuda.internal.backend;

import io.jimagecuda.FlipDirection;
import io.jimagecuda.Interpolation;

/**
 * The geometric transforms (spec §3.6). Each writes every pixel of the destination's area; sizes,
 * offsets and angles come from {@code Transform}, which has validated everything and handled the plain
 * copies (rotation by ~0°, a crop of the whole image). {@code dst} and {@code src} are different F32
 * storages of this backend.
 */
public interface TransformOps {
  /** See {@link io.jimagecuda.Transform#flip}: {@code dst} and {@code src} are both {@code width × height}. */
  void flip(Storage dst, Storage src, int width, int height, FlipDirection direction);

  /**
   * See {@link io.jimagecuda.Transform#rotate}.
   *
   * <p>{@code quarterTurns} 1, 2 or 3: the lossless clockwise quarter turn, the turned
   * ({@code srcHeight × srcWidth}, or {@code srcWidth × srcHeight} for 2) image placed with its top-left
   * corner at {@code (offsetX, offsetY)} in {@code dst} and everything else transparent; {@code cos},
   * {@code sin} and {@code interpolation} are ignored. {@code quarterTurns} 0: any angle, by inverse
   * mapping about the centres with {@code cos}, {@code sin} of the angle (float, computed once on the
   * host); the offsets are ignored.
   */
  void rotate(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight, int quarterTurns,
      int offsetX, int offsetY, float cos, float sin, Interpolation interpolation);

  /**
   * See {@link io.jimagecuda.Transform#crop}: {@code dst(i, j) = src(i + x, j + y)} where that lies in the
   * source, else transparent black.
   */
  void crop(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight, int x, int y);

  /**
   * See {@link io.jimagecuda.Transform#zoom}: output pixel {@code (x, y)} samples the source at
   * {@code (fma(x / dstWidth, viewWidth, viewX), fma(y / dstHeight, viewHeight, viewY))} when that lies in
   * {@code [0, srcWidth) × [0, srcHeight)}, else it is transparent black.
   */
  void zoom(Storage dst, int dstWidth, int dstHeight, Storage src, int srcWidth, int srcHeight, float viewX,
      float viewY, float viewWidth, float viewHeight, Interpolation interpolation);
}
