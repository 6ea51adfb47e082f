package io.jimagecuda.spark;

import io.jimagecuda.JImageCuda;

/**
 * What the executor's JVM knows about CUDA, as {@link GpuAssignment} needs it (a record, so that tests can
 * describe machines that this one is not).
 *
 * @param available whether the CUDA backend can run in this JVM
 * @param deviceCount the number of CUDA devices this process sees (after {@code CUDA_VISIBLE_DEVICES})
 * @param status why CUDA is or is not available, for the log
 */
record CudaState(boolean available, int deviceCount, String status) {

  /** {@return the state of this JVM; starts the CUDA backend on first call (loads the driver)} */
  static CudaState current() {
    boolean available = JImageCuda.isCudaAvailable();
    return new CudaState(available, available ? JImageCuda.cudaDeviceCount() : 0, JImageCuda.cudaStatus());
  }
}
