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

  private static final class Cpu {
    static final CpuBackend INSTANCE = new CpuBackend(Config.cpuThreads());
  }

  /** Holds either the CUDA backend or the reason it could not start. */
  private static final class Cuda {
    static final CudaBackend INSTANCE;
    static final BackendUnavailableException FAILURE;

    static {
      CudaBackend b = null;
      BackendUnavailableException f = null;
      // Where the driver library is certainly absent, LWJGL is not even loaded (startup time, JDK warnings).
      Optional<String> missing = DriverLibrary.missing(Config.cudaLibrary());
      try {
        if (missing.isPresent()) {
          throw new BackendUnavailableException(missing.get());
        }
        b = CudaBackend.create();
        Config.log("CUDA backend ready: " + b.describe());
      } catch (BackendUnavailableException e) {
        f = e;
        Config.log("CUDA backend unavailable: " + e.getMessage());
      } catch (RuntimeException | LinkageError e) {
        f = new BackendUnavailableException("The CUDA backend failed to start: " + e, e);
        Config.log("CUDA backend failed: " + e);
      }
      INSTANCE = b;
      FAILURE = f;
    }
  }

  /** The backend of that kind. */
  public static Backend get(BackendKind kind) {
    if (kind == BackendKind.CPU) {
      return Cpu.INSTANCE;
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
