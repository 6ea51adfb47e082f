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

  /** Holds either the CUDA backend or the reason it could not start. */
  private static final class Cuda {
    static final CudaBackend INSTANCE;
    static final BackendUnavailableException FAILURE;

    static {
      CudaBackend b = null;
      BackendUnavailableException f = null;
      try {
        // Where the driver library is certainly absent, LWJGL is not even loaded (startup time, JDK warnings).
        Optional<String> missing = DriverLibrary.missing(Config.cudaLibrary());
        if (missing.isPresent()) {
          throw new BackendUnavailableException(missing.get());
        }
        b = CudaBackend.create();
        log("CUDA backend ready: " + b.describe());
      } catch (BackendUnavailableException e) {
        f = e;
        log("CUDA backend unavailable: " + e.getMessage());
      } catch (RuntimeException | LinkageError e) {
        f = new BackendUnavailableException("The CUDA backend failed to start: " + e, e);
        log("CUDA backend failed: " + e);
      }
      INSTANCE = b;
      FAILURE = f;
    }

    /** Logging that cannot fail the initializer (an invalid jimagecuda.debug is reported elsewhere). */
    private static void log(String message) {
      try {
        Config.log(message);
      } catch (IllegalArgumentException e) {
        // the setting's error is thrown by the next Config.debug() outside this initializer
      }
    }
  }

  /** The backend of that kind. */
  public static Backend get(BackendKind kind) {
    if (kind == BackendKind.CPU) {
      return cpu();
    }
    if (Cuda.INSTANCE == null) {
      throw new BackendUnavailableException(Cuda.FAILURE.getMessage(), Cuda.FAILURE);
    }
    return Cuda.INSTANCE;
  }

  /** Whether the CUDA backend started. */
  public static boolean cudaAvailable() {
    return Cuda.INSTANCE != null;
  }

  /** Why CUDA is or is not available. */
  public static String cudaStatus() {
    return Cuda.INSTANCE != null ? "CUDA is available: " + Cuda.INSTANCE.describe()
        : Cuda.FAILURE.getMessage();
  }

  /** The configured or automatic default. */
  public static BackendKind defaultKind() {
    BackendKind requested = Config.requestedBackend();
    if (requested != null) {
      if (requested == BackendKind.CUDA && !cudaAvailable()) {
        throw new BackendUnavailableException("The CUDA backend was requested (jimagecuda.backend / "
            + "JIMAGECUDA_BACKEND) but cannot run here: " + Cuda.FAILURE.getMessage(), Cuda.FAILURE);
      }
      return requested;
    }
    return cudaAvailable() ? BackendKind.CUDA : BackendKind.CPU;
  }
}
