package io.jimagecuda;

/**
 * A logical size needs more pixels than an image was created with. The message contains
 * "exceed buffer capacity" and states both the requested size and the capacity.
 */
public class CapacityExceededException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with its message.
   *
   * @param message the requested size, the capacity and "exceed buffer capacity"
   */
  public CapacityExceededException(String message) {
    super(message);
  }
}
