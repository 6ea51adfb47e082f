package io.jimagecuda;

/** Base class of the library's own unchecked exceptions (device errors, unavailable backends). */
public class JImageCudaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong
   */
  public JImageCudaException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public JImageCudaException(String message, Throwable cause) {
    super(message, cause);
  }
}
