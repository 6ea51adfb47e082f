package io.jimagecuda.spark;

import io.jimagecuda.BackendKind;
import org.jspecify.annotations.Nullable;

/**
 * Where one Spark task runs its images: the CPU backend, or CUDA on one device.
 *
 * @param backend the backend
 * @param cudaDevice the CUDA device index, -1 for the CPU backend
 * @param gpuAddress the GPU address Spark assigned to the task, or {@code null} when it assigned none
 * @param reason why this backend, in one sentence for the executor log
 */
record TaskDevice(BackendKind backend, int cudaDevice, @Nullable String gpuAddress, String reason) {

  static TaskDevice cpu(@Nullable String gpuAddress, String reason) {
    return new TaskDevice(BackendKind.CPU, -1, gpuAddress, reason);
  }

  static TaskDevice cuda(int device, String gpuAddress, String reason) {
    return new TaskDevice(BackendKind.CUDA, device, gpuAddress, reason);
  }

  /** {@return {@code "cuda:N"} or {@code "cpu"}: the value of the result's backend column} */
  String label() {
    return backend == BackendKind.CUDA ? "cuda:" + cudaDevice : "cpu";
  }
}
