package io.jimagecuda.gl;

/**
 * How a frame in an image reaches OpenGL. {@link GLResource} and the {@link Presenter}s report the path
 * they use; the preview can switch between them.
 */
public enum PresentPath {
  /**
   * Zero copy: RGBA8 textures whose memory Vulkan owns are imported by CUDA (surfaces) and by OpenGL
   * (textures). The frame's last kernel writes the texture OpenGL draws; the hand-off is an event wait
   * (about 2 µs), with no map, copy or GL upload. Needs CUDA, the Vulkan loader with NVIDIA's driver, and
   * {@code GL_EXT_memory_object_fd} on the same GPU.
   */
  VULKAN_SHARED_TEXTURE,
  /**
   * Pixel buffers allocated by CUDA ({@code cuMemCreate}, exported as file descriptors) and imported by
   * OpenGL once ({@code GL_EXT_memory_object_fd}); each frame CUDA writes the next buffer of a ring of
   * two, an event hands it over (no map/unmap), and OpenGL uploads it into the texture.
   */
  CUDA_EXPORTED_BUFFER,
  /**
   * The texture registered with CUDA once ({@code cuGraphicsGLRegisterImage}); each frame maps it and
   * one kernel writes it with surface stores, then unmaps. No pixel buffer, no GL upload; one map/unmap
   * pair per frame. Needs a CUDA image and an OpenGL context on the same NVIDIA GPU.
   */
  CUDA_MAPPED_TEXTURE,
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
