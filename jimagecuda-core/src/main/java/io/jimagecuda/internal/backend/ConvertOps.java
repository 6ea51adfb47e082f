package io.jimagecuda.internal.backend;

/** Conversions between float and 8-bit images (spec §3.9). Arguments are already validated. */
public interface ConvertOps {
  /** {@code dst[i] = trunc(clampB(src[i]) * 255 + 0.5)} (fused multiply-add); NaN becomes 0. */
  void floatToU8(Storage dstU8, Storage srcF32, int width, int height);

  /** {@code dst[i] = src[i] / 255}. */
  void u8ToFloat(Storage dstF32, Storage srcU8, int width, int height);
}
