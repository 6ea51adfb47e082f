package io.jimagecuda.internal.cuda;

import io.jimagecuda.MaskMode;
import io.jimagecuda.internal.backend.BlendOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * Launches the kernels of {@code blend.cu}: one thread per pixel of the part of the layer that lies on the
 * base (nothing is launched when the layer misses the base).
 */
final class CudaBlend implements BlendOps {
  private final CudaBackend cuda;

  CudaBlend(CudaBackend cuda) {
    this.cuda = cuda;
  }

  /**
   * Starts a launch over the covered rectangle with the arguments every blend kernel shares
   * ({@code base, layer, bw, lw, px, py, x0, y0, cw, ch}), or returns null if nothing is covered.
   */
  private KernelLaunch start(String kernel, Storage base, int bw, int bh, Storage layer, int lw, int lh, int px,
      int py) {
    int x0 = Math.max(0, px);
    int y0 = Math.max(0, py);
    int cw = (int) (Math.min(bw, (long) px + lw) - x0);
    int ch = (int) (Math.min(bh, (long) py + lh) - y0);
    if (cw <= 0 || ch <= 0) {
      return null;
    }
    return cuda.kernel(kernel, cw, ch).ptr(base).ptr(layer).i32(bw).i32(lw).i32(px).i32(py).i32(x0).i32(y0)
        .i32(cw).i32(ch);
  }

  private void composite(String kernel, Storage base, int bw, int bh, Storage layer, int lw, int lh, int px,
      int py, float opacity) {
    KernelLaunch launch = start(kernel, base, bw, bh, layer, lw, lh, px, py);
    if (launch != null) {
      launch.f32(opacity).launch();
    }
  }

  @Override
  public void normal(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite("blend_normal", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void multiply(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite("blend_multiply", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void screen(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite("blend_screen", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void add(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity) {
    composite("blend_add", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void overlay(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite("blend_overlay", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void softLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite("blend_soft_light", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void hardLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py,
      float opacity) {
    composite("blend_hard_light", base, bw, bh, layer, lw, lh, px, py, opacity);
  }

  @Override
  public void mask(Storage base, int bw, int bh, Storage mask, int mw, int mh, int px, int py, MaskMode mode) {
    KernelLaunch launch = start("blend_mask", base, bw, bh, mask, mw, mh, px, py);
    if (launch != null) {
      launch.flag(mode == MaskMode.LUMINANCE).launch();
    }
  }
}
