package io.jimagecuda;

import io.jimagecuda.internal.backend.Backends;

/**
 * Library-wide entry points: which backend is used, why, and synchronisation.
 *
 * <p><b>Execution model.</b> Each backend runs operations in the order they are issued, from any
 * thread. The CUDA backend enqueues every kernel, copy, allocation and free on one non-blocking stream
 * of the device's primary context and returns without waiting; results become visible to the host when
 * a download returns (downloads wait for all earlier work) or after {@link #synchronize()}. There is no
 * device-wide synchronise per operation. Errors of asynchronous work surface at the next synchronising
 * call. The CPU backend computes before returning, using a pool of threads for large images.
 */
public final class JImageCuda {
  private JImageCuda() {
  }

  /**
   * The backend new images use when none is named: {@code jimagecuda.backend} /
   * {@code JIMAGECUDA_BACKEND} if set, else CUDA when available, else CPU.
   *
   * @return the backend of {@code new Image(width, height)}
   * @throws BackendUnavailableException if CUDA was requested but cannot run here
   */
  public static BackendKind defaultBackend() {
    return Backends.defaultKind();
  }

  /** {@return whether the CUDA backend can run here (driver, device and kernels present)} Never throws. */
  public static boolean isCudaAvailable() {
    return Backends.cudaAvailable();
  }

  /** {@return why the CUDA backend is or is not used, in one sentence for people} */
  public static String cudaStatus() {
    return Backends.cudaStatus();
  }

  /**
   * {@return a one-line description of a backend (device, memory, driver, or CPU threads)}
   *
   * @param kind the backend
   * @throws BackendUnavailableException if that backend cannot run here
   */
  public static String describe(BackendKind kind) {
    return Backends.get(kind).describe();
  }

  /**
   * Waits until every operation issued to {@code kind} has finished; reports deferred device errors.
   *
   * @param kind the backend to wait for
   * @throws BackendUnavailableException if that backend cannot run here
   * @throws CudaException for an error of earlier asynchronous work
   */
  public static void synchronize(BackendKind kind) {
    Backends.get(kind).synchronize();
  }

  /**
   * {@return how many CUDA devices the driver reports (0 when CUDA cannot run here)} Never throws.
   * Devices are numbered from 0 in the driver's order, which {@code CUDA_VISIBLE_DEVICES} may restrict.
   */
  public static int cudaDeviceCount() {
    return Backends.cudaAvailable() ? Backends.cudaDeviceCount() : 0;
  }

  /**
   * {@return the CUDA device that {@link BackendKind#CUDA} means on the calling thread: the one of the
   * innermost open {@link CudaDeviceScope}, else the configured device; -1 when CUDA cannot run here}
   */
  public static int cudaDevice() {
    return Backends.boundCudaDevice();
  }

  /**
   * Binds the calling thread to CUDA device {@code device} until the returned scope is closed: images
   * created on this thread with {@link BackendKind#CUDA} live on that GPU, each device with its own
   * stream. Starts that device's backend on first use (kernels loaded once per device). Typical use is one
   * worker thread per GPU; see {@link CudaDeviceScope}.
   *
   * @param device the device index, 0 for the first GPU
   * @return the open scope; close it on the same thread (try-with-resources)
   * @throws IllegalArgumentException if {@code device} is negative
   * @throws BackendUnavailableException if CUDA cannot run here, or there is no such device (the message
   *     says how many there are)
   */
  public static CudaDeviceScope useCudaDevice(int device) {
    return new CudaDeviceScope(Backends.cuda(device));
  }

  /** Waits for the default backend; see {@link #synchronize(BackendKind)}. */
  public static void synchronize() {
    synchronize(defaultBackend());
  }

  /**
   * Resets the device's primary context and starts a new CUDA backend. This releases all memory of the
   * old backend: its images (and presenters, resources) become unusable, operations on them throw
   * {@link IllegalStateException} and {@code free()} does nothing. Free them, call this, and create new
   * ones. Without an error it releases everything the CUDA backend holds.
   *
   * <p>After a sticky error (a kernel faulted: {@link CudaException} says "The error is sticky") the new
   * backend cannot start: NVIDIA's driver refuses every new CUDA context of a process in which a kernel
   * faulted, even after the reset (NVIDIA documents that the process must be restarted; measured with
   * driver 580). This method then releases the device's memory, leaves CUDA unavailable for the rest of
   * the process ({@link #isCudaAvailable()} false, {@link #cudaStatus()} says why), makes the CPU backend
   * the default, so that work on default-backend images goes on, and throws. To use the GPU again, restart
   * the JVM (a service can run its GPU work in a worker process it restarts).
   *
   * <p>Call it when no other thread is using CUDA images. The primary context is shared with other CUDA
   * code of the process (for example a library using the CUDA runtime), which loses its state too.
   *
   * @throws BackendUnavailableException if CUDA cannot run here, or cannot start again in this process
   *     (after a kernel fault; the message says so)
   */
  public static void resetCuda() {
    Backends.resetCuda();
  }
}
