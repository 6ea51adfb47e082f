package io.jimagecuda.gl;

/**
 * How a frame in an image reaches OpenGL. {@link GLResource} and the {@link Presenter}s report the path
 * they use; the preview can switch between them.
 */
public enum PresentPath {
  /**
   * CUDA-OpenGL interop on a pixel buffer registered once with {@code cuGraphicsGLRegisterBuffer}
   * (write-discard): each frame maps it, copies (8-bit images) or converts (float images) into it on the
   * library's CUDA stream and unmaps it. GPU to GPU; costs a map/unmap pair per frame. Needs a CUDA
   * image and an OpenGL context on the same NVIDIA GPU.
   */
  CUDA_MAPPED_PBO,
  /**
   * Through host memory: the image is downloaded (pinned memory when CUDA runs) and uploaded with
   * {@code glBufferSubData}. Works with any backend and any OpenGL driver (Mesa, AMD, Intel, NVIDIA),
   * at the cost of two trips over the bus for GPU images.
   */
  CPU_UPLOAD
}
