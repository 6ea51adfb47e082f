package io.jimagecuda.internal.cpu;

import io.jimagecuda.internal.backend.ConvertOps;
import io.jimagecuda.internal.backend.Storage;

/** CPU twin of {@code convert.cu}. */
final class CpuConvert implements ConvertOps {
  private final Rows rows;

  CpuConvert(Rows rows) {
    this.rows = rows;
  }

  @Override
  public void floatToU8(Storage dstU8, Storage srcF32, int width, int height) {
    byte[] d = ((CpuStorage) dstU8).bytes;
    float[] s = ((CpuStorage) srcF32).floats;
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i++) {
        d[i] = (byte) Px.toU8(s[i]);
      }
    });
  }

  @Override
  public void u8ToFloat(Storage dstF32, Storage srcU8, int width, int height) {
    float[] d = ((CpuStorage) dstF32).floats;
    byte[] s = ((CpuStorage) srcU8).bytes;
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i++) {
        d[i] = (s[i] & 0xFF) / 255f;
      }
    });
  }
}
