package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.AdjustOps;
import io.jimagecuda.internal.backend.AdjustParams;
import io.jimagecuda.internal.backend.Storage;

/** Launches the kernels of {@code adjust.cu}, one thread per pixel. */
final class CudaAdjust implements AdjustOps {
  private final CudaBackend cuda;

  CudaAdjust(CudaBackend cuda) {
    this.cuda = cuda;
  }

  private void launch(String kernel, Storage img, int width, int height, float value) {
    cuda.kernel(kernel, width, height).ptr(img).i32(width).i32(height).f32(value).launch();
  }

  @Override
  public void brightness(Storage img, int width, int height, float factor) {
    launch("adjust_brightness", img, width, height, factor);
  }

  @Override
  public void contrast(Storage img, int width, int height, float factor) {
    launch("adjust_contrast", img, width, height, factor);
  }

  @Override
  public void saturation(Storage img, int width, int height, float factor) {
    launch("adjust_saturation", img, width, height, factor);
  }

  @Override
  public void gamma(Storage img, int width, int height, float gamma) {
    launch("adjust_gamma", img, width, height, AdjustParams.inverse(gamma));
  }

  @Override
  public void opacity(Storage img, int width, int height, float factor) {
    launch("adjust_opacity", img, width, height, factor);
  }

  @Override
  public void vibrance(Storage img, int width, int height, float amount) {
    launch("adjust_vibrance", img, width, height, amount);
  }

  @Override
  public void hue(Storage img, int width, int height, float degrees) {
    launch("adjust_hue", img, width, height, AdjustParams.hueShift(degrees));
  }
}
