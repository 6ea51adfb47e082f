package io.jimagecuda;

/** A backend was asked for explicitly but cannot run here; the message says why and what to do. */
public class BackendUnavailableException extends JImageCudaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with the reason.
   *
   * @param message why the backend cannot run and what to do
   */
  public BackendUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the reason and its cause.
   *
   * @param message why the backend cannot run and what to do
   * @param cause the underlying failure
   */
  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
