package io.jimagecuda.gl;

import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;

/**
 * Brings frames of one size into an OpenGL texture, by one {@link PresentPath}. It owns its OpenGL
 * objects; create, use and close it on the thread where its context is current.
 *
 * <pre>{@code
 * try (Presenter p = Presenter.create(w, h)) {         // fastest path available
 *   // every frame:
 *   p.present(frame);                                  // Image or ImageU8 of w × h
 *   // draw p.texture(): first row = top of the image, so flip y when drawing
 * }
 * }</pre>
 *
 * <p>After {@code present} returns, OpenGL commands issued afterwards in the same context see the new
 * frame in {@link #texture()}; the calling thread does not wait for the GPU.
 */
public interface Presenter extends AutoCloseable {
  /**
   * A presenter on the fastest path that works here, tried in this order:
   * {@link PresentPath#VULKAN_SHARED_TEXTURE}, {@link PresentPath#CUDA_EXPORTED_BUFFER},
   * {@link PresentPath#CUDA_MAPPED_TEXTURE}, {@link PresentPath#CUDA_MAPPED_PBO} (each needs the default backend to be CUDA and the OpenGL context
   * to run on its GPU), else {@link PresentPath#CPU_UPLOAD}. {@link #pathReason()} says why the faster
   * paths were passed over.
   *
   * @param width the frame width in pixels
   * @param height the frame height in pixels
   * @return the presenter, which the caller closes
   * @throws IllegalArgumentException if a side is not in 1..32768
   * @throws IllegalStateException if no OpenGL context is current
   */
  static Presenter create(int width, int height) {
    return Presenters.fastest(width, height);
  }

  /**
   * A presenter on the given path.
   *
   * @param width the frame width in pixels
   * @param height the frame height in pixels
   * @param path the present path
   * @return the presenter, which the caller closes
   * @throws io.jimagecuda.BackendUnavailableException if the path needs CUDA and CUDA cannot run here
   * @throws io.jimagecuda.CudaException if the path needs CUDA-OpenGL interop and registration fails
   * @throws GlException if the path needs an OpenGL extension this context lacks
   */
  static Presenter create(int width, int height, PresentPath path) {
    return Presenters.on(width, height, path);
  }

  /** {@return the path frames take} */
  PresentPath path();

  /** {@return why {@link #path()} was chosen} */
  String pathReason();

  /** {@return the frame width in pixels} */
  int width();

  /** {@return the frame height in pixels} */
  int height();

  /**
   * Puts an 8-bit frame into {@link #texture()}.
   *
   * @param frame the frame; not changed
   * @throws IllegalArgumentException if the frame's size is not {@code width() × height()}, or its backend
   *     does not fit the path
   * @throws IllegalStateException if the frame or the presenter was freed
   */
  void present(ImageU8 frame);

  /**
   * Converts a float frame to 8 bits straight into {@link #texture()}; otherwise as {@link #present(ImageU8)}.
   *
   * @param frame the frame; not changed
   */
  void present(Image frame);

  /** {@return the {@code GL_TEXTURE_2D} ({@code GL_RGBA8}, nearest filtering) holding the last frame, top row first} */
  int texture();

  /** Deletes the presenter's OpenGL objects and CUDA registrations; calling it again does nothing. */
  @Override
  void close();
}
