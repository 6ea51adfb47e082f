package io.jimagecuda.gl.context;

import java.util.OptionalInt;

/**
 * An OpenGL context made by this library: headless ({@link EglContext}) or in a window
 * ({@link GlfwContext}). A context is current on at most one thread; OpenGL calls and CUDA-OpenGL interop
 * must happen on the thread where it is current. {@link #close()} releases it; contexts still open when
 * the JVM exits are released by a shutdown hook, because NVIDIA's EGL library was seen to crash at exit
 * when a context was left alive.
 */
public interface GlContext extends AutoCloseable {
  /**
   * Makes this context current on the calling thread and installs its LWJGL capabilities there.
   *
   * @throws IllegalStateException if the context was closed
   */
  void makeCurrent();

  /** Detaches this context from the calling thread (no context is current afterwards). */
  void releaseCurrent();

  /**
   * {@return the CUDA device ({@code CUdevice}) of the GPU that runs this context, when the platform tells
   * it: EGL's {@code EGL_CUDA_DEVICE_NV} on NVIDIA, otherwise empty}
   */
  OptionalInt cudaDevice();

  /** {@return one line for people: platform, OpenGL vendor, renderer and version} */
  String describe();

  /** {@return whether {@link #close()} has been called} */
  boolean isClosed();

  /** Destroys the context and its surface or window; calling it again does nothing. */
  @Override
  void close();
}
