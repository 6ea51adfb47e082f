package io.jimagecuda;

import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;

/**
 * While open, {@link BackendKind#CUDA} means one particular GPU on the thread that opened it: images
 * created there with {@code BackendKind.CUDA} (and the results of operations on them) live on that
 * device, with their own stream. Made by {@link JImageCuda#useCudaDevice(int)}; closing it restores the
 * thread's previous device. Scopes nest.
 *
 * <p>An image stays on the device it was created on. Operations on it must run on a thread whose CUDA
 * device is that one (they throw {@link IllegalStateException} naming both devices otherwise), and images
 * of different devices cannot be mixed in one operation. Without any scope, a thread uses the configured
 * device ({@code jimagecuda.cuda.device}, default 0).
 *
 * <pre>{@code
 * // one worker thread per GPU
 * try (CudaDeviceScope gpu = JImageCuda.useCudaDevice(1);
 *      Image img = new Image(1024, 768, BackendKind.CUDA)) {   // on GPU 1
 *   Fill.color(img, Rgba.rgb(1, 0, 0));
 * }
 * }</pre>
 */
public final class CudaDeviceScope implements AutoCloseable {
  private final Thread owner;
  private final CudaBackend backend;
  private final CudaBackend previous;
  private boolean closed;

  CudaDeviceScope(CudaBackend backend) {
    this.owner = Thread.currentThread();
    this.backend = backend;
    this.previous = Backends.bindCuda(backend);
  }

  /** {@return the device index this scope binds (0 for the first GPU)} */
  public int device() {
    return backend.ordinal();
  }

  /**
   * Restores the thread's previous CUDA device; calling it again does nothing.
   *
   * @throws IllegalStateException if called from another thread than the one that opened the scope
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("CudaDeviceScope.close: the scope for CUDA device " + device()
          + " was opened on thread '" + owner.getName() + "' and must be closed there, not on '"
          + Thread.currentThread().getName() + "'");
    }
    closed = true;
    Backends.bindCuda(previous);
  }

  @Override
  public String toString() {
    return "CudaDeviceScope(device " + device() + (closed ? ", closed)" : ")");
  }
}
