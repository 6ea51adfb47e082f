package io.jimagecuda;

/** A device allocation failed; the message says how many bytes were asked for and how many were free. */
public class OutOfDeviceMemoryException extends CudaException {
  private static final long serialVersionUID = 1L;
  /** The size of the failed allocation in bytes. */
  private final long requestedBytes;
  /** Free device memory when the allocation failed, or -1 if unknown. */
  private final long freeBytes;

  /**
   * Creates the exception, with a message that states the sizes and what to do.
   *
   * @param call the driver function that failed, e.g. {@code cuMemAllocAsync}
   * @param code the {@code CUresult} value
   * @param errorName the CUDA error name, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}
   * @param requestedBytes the size of the failed allocation
   * @param freeBytes free device memory, or -1 when it could not be queried
   * @param totalBytes the device's memory, or -1 when unknown
   */
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

  /** {@return the size of the failed allocation in bytes} */
  public long requestedBytes() {
    return requestedBytes;
  }

  /** {@return free device memory when the allocation failed, or -1 if unknown} */
  public long freeBytes() {
    return freeBytes;
  }
}
