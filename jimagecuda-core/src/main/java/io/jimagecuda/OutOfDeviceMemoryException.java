package io.jimagecuda;

/** A device allocation failed; the message says how many bytes were asked for and how many were free. */
public class OutOfDeviceMemoryException extends CudaException {
  private static final long serialVersionUID = 1L;
  private final long requestedBytes;
  private final long freeBytes;

  /** Creates the exception; {@code freeBytes} is -1 when the free amount could not be queried. */
  public OutOfDeviceMemoryException(String call, int code, String errorName, long requestedBytes,
      long freeBytes, long totalBytes) {
    super(call, code, errorName, String.format(
        "CUDA out of memory: %s asked for %,d bytes (%.1f MiB) but the device has %s free of %s (%s). "
            + "Free images you no longer need (close()/free()), reuse destination buffers, or use smaller images.",
        call, requestedBytes, requestedBytes / 1048576.0,
        freeBytes < 0 ? "an unknown amount" : String.format("%,d bytes (%.1f MiB)", freeBytes, freeBytes / 1048576.0),
        totalBytes < 0 ? "unknown" : String.format("%.1f MiB", totalBytes / 1048576.0), errorName));
    this.requestedBytes = requestedBytes;
    this.freeBytes = freeBytes;
  }

  /** The size of the failed allocation in bytes. */
  public long requestedBytes() {
    return requestedBytes;
  }

  /** Free device memory when the allocation failed, or -1 if unknown. */
  public long freeBytes() {
    return freeBytes;
  }
}
