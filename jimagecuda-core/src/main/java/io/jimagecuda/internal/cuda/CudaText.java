package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.backend.TextOps;

/** Launches the kernel of {@code text.cu}: one thread per pixel, asynchronous on the backend's stream. */
final class CudaText implements TextOps {
  private final CudaBackend cuda;

  CudaText(CudaBackend cuda) {
    this.cuda = cuda;
  }

  @Override
  public void create(Storage dstF32, Storage maskU8, int width, int height, int fg, int bg) {
    cuda.kernel("text_create", width, height).ptr(dstF32).ptr(maskU8).i32(width).i32(height).i32(fg).i32(bg)
        .launch();
  }
}
