package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.ResizeOps;
import io.jimagecuda.internal.backend.Storage;

/** Launches the kernels of {@code resize.cu}: one thread per output pixel. */
final class CudaResize implements ResizeOps {
  private final CudaBackend cuda;

  CudaResize(CudaBackend cuda) {
    this.cuda = cuda;
  }

  private void launch(String kernel, Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    cuda.kernel(kernel, dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).launch();
  }

  @Override
  public void nearest(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    launch("resize_nearest", dst, dw, dh, src, sw, sh);
  }

  @Override
  public void bilinear(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    launch("resize_bilinear", dst, dw, dh, src, sw, sh);
  }

  @Override
  public void bicubic(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    launch("resize_bicubic", dst, dw, dh, src, sw, sh);
  }

  @Override
  public void lanczos(Storage dst, int dw, int dh, Storage src, int sw, int sh) {
    launch("resize_lanczos", dst, dw, dh, src, sw, sh);
  }
}
