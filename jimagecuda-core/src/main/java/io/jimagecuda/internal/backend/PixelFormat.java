package io.jimagecuda.internal.backend;

/** Element layout of an image buffer: four interleaved channels R, G, B, A. */
public enum PixelFormat {
  /** Four float32 channels, 16 bytes per pixel ({@code Image}). */
  F32(16),
  /** Four uint8 channels, 4 bytes per pixel ({@code ImageU8}). */
  U8(4);

  /** Bytes per pixel. */
  public final int bytesPerPixel;

  PixelFormat(int bytesPerPixel) {
    this.bytesPerPixel = bytesPerPixel;
  }
}
