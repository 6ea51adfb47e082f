package io.jimagecuda.gl;

import io.jimagecuda.JImageCudaException;

/**
 * An OpenGL or EGL call failed. The message names the operation, the GL or EGL error name and what the
 * user can do.
 */
public class GlException extends JImageCudaException {
  private static final long serialVersionUID = 1L;
  /** The GL or EGL error name. */
  private final String errorName;

  /**
   * Creates the exception.
   *
   * @param errorName the GL or EGL error name, e.g. {@code GL_INVALID_OPERATION}
   * @param message the full message
   */
  public GlException(String errorName, String message) {
    super(message);
    this.errorName = errorName;
  }

  /** {@return the GL or EGL error name, e.g. {@code GL_INVALID_OPERATION} or {@code EGL_BAD_MATCH}} */
  public String errorName() {
    return errorName;
  }
}
