package io.jimagecuda.internal.cuda;

import io.jimagecuda.FlipDirection;
import io.jimagecuda.Interpolation;
import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.backend.TransformOps;

/**
 * Launches the kernels of {@code transform.cu}: one thread per output pixel. Rotation and zoom with
 * bicubic or Lanczos sampling use kernels of their own ({@code *_bicubic}, {@code *_lanczos}), so that
 * the nearest and bilinear kernels keep few registers.
 */
final class CudaTransform implements TransformOps {
  private final CudaBackend cuda;

  CudaTransform(CudaBackend cuda) {
    this.cuda = cuda;
  }

  @Override
  public void flip(Storage dst, Storage src, int width, int height, FlipDirection direction) {
    cuda.kernel("transform_flip", width, height).ptr(dst).ptr(src).i32(width).i32(height)
        .flag(direction != FlipDirection.VERTICAL).flag(direction != FlipDirection.HORIZONTAL).launch();
  }

  @Override
  public void rotate(Storage dst, int dw, int dh, Storage src, int sw, int sh, int quarterTurns, int offsetX,
      int offsetY, float cos, float sin, Interpolation interpolation) {
    if (quarterTurns == 0 && (interpolation == Interpolation.BICUBIC || interpolation == Interpolation.LANCZOS)) {
      String kernel = interpolation == Interpolation.BICUBIC ? "transform_rotate_bicubic" : "transform_rotate_lanczos";
      cuda.kernel(kernel, dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).f32(cos).f32(sin).launch();
      return;
    }
    cuda.kernel("transform_rotate", dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).i32(quarterTurns)
        .i32(offsetX).i32(offsetY).f32(cos).f32(sin).i32(interpolation.ordinal()).launch();
  }

  @Override
  public void crop(Storage dst, int dw, int dh, Storage src, int sw, int sh, int x, int y) {
    cuda.kernel("transform_crop", dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).i32(x).i32(y).launch();
  }

  @Override
  public void zoom(Storage dst, int dw, int dh, Storage src, int sw, int sh, float viewX, float viewY,
      float viewWidth, float viewHeight, Interpolation interpolation) {
    if (interpolation == Interpolation.BICUBIC || interpolation == Interpolation.LANCZOS) {
      String kernel = interpolation == Interpolation.BICUBIC ? "transform_zoom_bicubic" : "transform_zoom_lanczos";
      cuda.kernel(kernel, dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).f32(viewX).f32(viewY)
          .f32(viewWidth).f32(viewHeight).launch();
      return;
    }
    cuda.kernel("transform_zoom", dw, dh).ptr(dst).i32(dw).i32(dh).ptr(src).i32(sw).i32(sh).f32(viewX).f32(viewY)
        .f32(viewWidth).f32(viewHeight).i32(interpolation.ordinal()).launch();
  }
}
