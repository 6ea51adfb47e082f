package io.jimagecuda;

/**
 * A CUDA driver call failed. The message names the operation, the driver call, the CUDA error name and
 * the driver's description, plus what the user can do where that is known.
 */
public class CudaException extends JImageCudaException {
  private static final long serialVersionUID = 1L;
  /** The driver function that failed. */
  private final String call;
  /** The numeric {@code CUresult}. */
  private final int code;
  /** The CUDA error name. */
  private final String errorName;

  /**
   * Creates the exception for a failed driver call.
   *
   * @param call the driver function, e.g. {@code cuMemAllocAsync}
   * @param code the {@code CUresult} value
   * @param errorName the CUDA error name, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}
   * @param message the full message
   */
  public CudaException(String call, int code, String errorName, String message) {
    super(message);
    this.call = call;
    this.code = code;
    this.errorName = errorName;
  }

  /** {@return the driver function that failed, e.g. {@code cuLaunchKernelEx}} */
  public String call() {
    return call;
  }

  /** {@return the numeric {@code CUresult}} */
  public int code() {
    return code;
  }

  /** {@return the CUDA error name, e.g. {@code CUDA_ERROR_INVALID_VALUE}} */
  public String errorName() {
    return errorName;
  }
}
