package io.jimagecuda;

/**
 * A CPU-backend image did not fit in the Java heap: the message says how many bytes were asked for and how
 * large the heap may grow. Thrown instead of the JVM's {@link OutOfMemoryError}, which would leave the
 * caller no way to tell a too-large image from a broken program.
 */
public class OutOfHostMemoryException extends JImageCudaException {
  private static final long serialVersionUID = 1L;
  /** The size of the failed allocation in bytes. */
  private final long requestedBytes;

  /**
   * Creates the exception, with a message that states the sizes and what to do.
   *
   * @param what what was being allocated, e.g. "a float image of 87,818,240 pixels"
   * @param requestedBytes the size of the failed allocation
   * @param cause the JVM's error
   */
  public OutOfHostMemoryException(String what, long requestedBytes, Throwable cause) {
    super(String.format("Out of Java heap: %s needs %,d bytes (%.1f MiB), more than the heap has free (it may "
        + "grow to %.1f MiB). Free images you no longer need (close()/free()), use smaller images, start Java "
        + "with a larger -Xmx, or use the CUDA backend.", what, requestedBytes, requestedBytes / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0), cause);
    this.requestedBytes = requestedBytes;
  }

  /** {@return the size of the failed allocation in bytes} */
  public long requestedBytes() {
    return requestedBytes;
  }
}
