package io.jimagecuda.internal.backend;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.internal.cpu.CpuBackend;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.DriverLibrary;
import java.util.Optional;

/** Creates each backend once, on first use, and chooses the default one. */
public final class Backends {
  private Backends() {
  }

  /**
   * The CPU backend once created. Not a holder class: a setting error must not leave the class unusable
   * ({@code ExceptionInInitializerError}, then {@code NoClassDefFoundError} for every later image); an
   * error here caches nothing, so every later call reports the same clear error.
   */
  private static volatile CpuBackend cpu;

  private static CpuBackend cpu() {
    CpuBackend b = cpu;
    if (b == null) {
      synchronized (Backends.class) {
        b = cpu;
        if (b == null) {
          b = new CpuBackend(Config.cpuThreads());
          cpu = b;
        }
      }
    }
    return b;
  }

  /** The CUDA backend, or the reason it could not start; created on first use, replaced by a reset. */
  private record CudaState(CudaBackend backend, BackendUnavailableException failure) {
  }

  private static volatile CudaState cuda;

  private static CudaState cuda() {
    CudaState c = cuda;
    if (c == null) {
      synchronized (Backends.class) {
        c = cuda;
        if (c == null) {
          c = startCuda();
          cuda = c;
        }
      }
    }
    return c;
  }

  private static CudaState startCuda() {
    try {
      // Where the driver library is certainly absent, LWJGL is not even loaded (startup time, JDK warnings).
      Optional<String> missing = DriverLibrary.missing(Config.cudaLibrary());
      if (missing.isPresent()) {
        throw new BackendUnavailableException(missing.get());
      }
      CudaBackend b = CudaBackend.create();
      log("CUDA backend ready: " + b.describe());
      return new CudaState(b, null);
    } catch (BackendUnavailableException e) {
      log("CUDA backend unavailable: " + e.getMessage());
      return new CudaState(null, e);
    } catch (RuntimeException | LinkageError e) {
      log("CUDA backend failed: " + e);
      return new CudaState(null, new BackendUnavailableException("The CUDA backend failed to start: " + e, e));
    }
  }

  /** Logging that cannot fail backend selection (an invalid jimagecuda.debug is reported elsewhere). */
  private static void log(String message) {
    try {
      Config.log(message);
    } catch (IllegalArgumentException e) {
      // the setting's error is thrown by the next Config.debug() outside backend selection
    }
  }

  /**
   * Discards the CUDA backend (resetting the device's primary context) and starts a new one; see
   * {@code JImageCuda.resetCuda()}.
   *
   * @throws BackendUnavailableException if CUDA cannot run here or the new backend fails to start
   */
  public static synchronized void resetCuda() {
    CudaState old = cuda();
    if (old.backend() == null) {
      throw new BackendUnavailableException(old.failure().getMessage(), old.failure());
    }
    old.backend().discard();
    CudaState fresh = startCuda();
    cuda = fresh;
    if (fresh.backend() == null) {
      throw new BackendUnavailableException(fresh.failure().getMessage(), fresh.failure());
    }
  }

  /** The backend of that kind. */
  public static Backend get(BackendKind kind) {
    if (kind == BackendKind.CPU) {
      return cpu();
    }
    CudaState c = cuda();
    if (c.backend() == null) {
      throw new BackendUnavailableException(c.failure().getMessage(), c.failure());
    }
    return c.backend();
  }

  /** Whether the CUDA backend started. */
  public static boolean cudaAvailable() {
    return cuda().backend() != null;
  }

  /** Why CUDA is or is not available. */
  public static String cudaStatus() {
    CudaState c = cuda();
    return c.backend() != null ? "CUDA is available: " + c.backend().describe() : c.failure().getMessage();
  }

  /** The configured or automatic default. */
  public static BackendKind defaultKind() {
    BackendKind requested = Config.requestedBackend();
    if (requested != null) {
      if (requested == BackendKind.CUDA && !cudaAvailable()) {
        throw new BackendUnavailableException("The CUDA backend was requested (jimagecuda.backend / "
            + "JIMAGECUDA_BACKEND) but cannot run here: " + cuda().failure().getMessage(), cuda().failure());
      }
      return requested;
    }
    return cudaAvailable() ? BackendKind.CUDA : BackendKind.CPU;
  }
}
