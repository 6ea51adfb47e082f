package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.ConvertOps;
import io.jimagecuda.internal.backend.Storage;

/** Launches the kernels of {@code convert.cu}. */
final class CudaConvert implements ConvertOps {
  private final CudaBackend cuda;

  CudaConvert(CudaBackend cuda) {
    this.cuda = cuda;
  }

  @Override
  public void floatToU8(Storage dstU8, Storage srcF32, int width, int height) {
    cuda.kernel("convert_float_to_u8", width, height).ptr(dstU8).ptr(srcF32).i32(width).i32(height).launch();
  }

  @Override
  public void u8ToFloat(Storage dstF32, Storage srcU8, int width, int height) {
    cuda.kernel("convert_u8_to_float", width, height).ptr(dstF32).ptr(srcU8).i32(width).i32(height).launch();
  }
}
