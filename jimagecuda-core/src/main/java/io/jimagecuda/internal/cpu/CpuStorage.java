package io.jimagecuda.internal.cpu;

import io.jimagecuda.OutOfHostMemoryException;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;

/**
 * Pixels on the Java heap: {@code float[4 * capacity]} for F32, {@code byte[4 * capacity]} for U8.
 * Java arrays hold at most 2^31 − 1 elements, so a float image on this backend has at most
 * 536,870,911 pixels (e.g. 23170 × 23170), an 8-bit image likewise.
 */
public final class CpuStorage implements Storage {
  /** Largest pixel count one CPU image can hold. */
  public static final long MAX_PIXELS = (Integer.MAX_VALUE - 8) / 4;

  private final PixelFormat format;
  private final long capacity;
  float[] floats;
  byte[] bytes;

  CpuStorage(PixelFormat format, long capacity) {
    if (capacity > MAX_PIXELS) {
      throw new IllegalArgumentException(String.format(
          "The CPU backend holds at most %,d pixels per image (Java array limit); %,d were asked for. "
              + "Use the CUDA backend or a smaller image.", MAX_PIXELS, capacity));
    }
    this.format = format;
    this.capacity = capacity;
    try {
      if (format == PixelFormat.F32) {
        floats = new float[(int) (capacity * 4)];
      } else {
        bytes = new byte[(int) (capacity * 4)];
      }
    } catch (OutOfMemoryError e) {
      // one array that did not fit: nothing else was disturbed, so a clear exception can replace the error
      boolean f32 = format == PixelFormat.F32;
      throw new OutOfHostMemoryException(String.format("a%s image of %,d pixels", f32 ? " float" : "n 8-bit",
          capacity), capacity * (f32 ? 16 : 4), e);
    }
  }

  @Override
  public PixelFormat format() {
    return format;
  }

  @Override
  public long capacityPixels() {
    return capacity;
  }

  /** The float channels (F32 only). */
  public float[] floats() {
    return floats;
  }

  /** The byte channels (U8 only). */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public synchronized void free() {
    floats = null;
    bytes = null;
  }
}
