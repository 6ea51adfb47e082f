package io.jimagecuda.internal.io;

/**
 * Widens interleaved host arrays of 1 (grey) or 3 (RGB) channels to RGBA: grey is copied to R, G and
 * B, and the missing alpha is set to the format's opaque value (1 for floats, 255 for bytes).
 */
public final class HostArrays {
  private HostArrays() {
  }

  /** {@code data} as RGBA; 4-channel data is returned as is. */
  public static float[] toRgba(float[] data, int channels) {
    if (channels == 4) {
      return data;
    }
    int pixels = data.length / channels;
    float[] out = new float[pixels * 4];
    for (int p = 0, i = 0, o = 0; p < pixels; p++, i += channels, o += 4) {
      out[o] = data[i];
      out[o + 1] = data[channels == 1 ? i : i + 1];
      out[o + 2] = data[channels == 1 ? i : i + 2];
      out[o + 3] = 1f;
    }
    return out;
  }

  /** {@code data} as RGBA; 4-channel data is returned as is. */
  public static byte[] toRgba(byte[] data, int channels) {
    if (channels == 4) {
      return data;
    }
    int pixels = data.length / channels;
    byte[] out = new byte[pixels * 4];
    for (int p = 0, i = 0, o = 0; p < pixels; p++, i += channels, o += 4) {
      out[o] = data[i];
      out[o + 1] = data[channels == 1 ? i : i + 1];
      out[o + 2] = data[channels == 1 ? i : i + 2];
      out[o + 3] = (byte) 255;
    }
    return out;
  }
}
