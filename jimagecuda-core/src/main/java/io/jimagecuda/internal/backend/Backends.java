package io.jimagecuda.internal.backend;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.internal.cpu.CpuBackend;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.DriverLibrary;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  /** The CUDA backends of devices other than the configured one, by ordinal, started on first use. */
  private static final Map<Integer, CudaBackend> OTHER_DEVICES = new ConcurrentHashMap<>();

  /** The CUDA backend {@link BackendKind#CUDA} means on this thread; null: the configured device. */
  private static final ThreadLocal<CudaBackend> BOUND = new ThreadLocal<>();

  /**
   * The backend of that kind; for CUDA, the device bound to the calling thread ({@link #bindCuda}) or
   * else the configured one.
   */
  public static Backend get(BackendKind kind) {
    if (kind == BackendKind.CPU) {
      return Cpu.INSTANCE;
    }
    CudaBackend bound = BOUND.get();
    if (bound != null) {
      return bound;
    }
    if (Cuda.INSTANCE == null) {
      throw new BackendUnavailableException(Cuda.FAILURE.getMessage(), Cuda.FAILURE);
    }
    return Cuda.INSTANCE;
  }

  /**
   * The CUDA backend of device {@code ordinal}, started on first use and kept for the life of the JVM.
   *
   * @throws IllegalArgumentException if {@code ordinal} is negative
   * @throws BackendUnavailableException if CUDA cannot run here or there is no such device
   */
  public static CudaBackend cuda(int ordinal) {
    if (ordinal < 0) {
      throw new IllegalArgumentException("CUDA device index must be non-negative, got " + ordinal);
    }
    if (Cuda.INSTANCE == null) {
      throw new BackendUnavailableException("CUDA device " + ordinal + " cannot be used: "
          + Cuda.FAILURE.getMessage(), Cuda.FAILURE);
    }
    if (Cuda.INSTANCE.ordinal() == ordinal) {
      return Cuda.INSTANCE;
    }
    return OTHER_DEVICES.computeIfAbsent(ordinal, CudaBackend::create);
  }

  /** The device index of a CUDA backend, -1 for another backend. */
  public static int cudaOrdinal(Backend backend) {
    return backend instanceof CudaBackend cuda ? cuda.ordinal() : -1;
  }

  /** Number of CUDA devices the driver reports; 0 when CUDA cannot run here. */
  public static int cudaDeviceCount() {
    return Cuda.INSTANCE == null ? 0 : Cuda.INSTANCE.deviceCount();
  }

  /**
   * Makes {@link BackendKind#CUDA} mean {@code backend} on the calling thread ({@code null}: the configured
   * device again).
   *
   * @return the binding it replaces, to restore later ({@code null} for none)
   */
  public static CudaBackend bindCuda(CudaBackend backend) {
    CudaBackend previous = BOUND.get();
    if (backend == null) {
      BOUND.remove();
    } else {
      BOUND.set(backend);
    }
    return previous;
  }

  /** The CUDA device {@link BackendKind#CUDA} means on the calling thread, or -1 when CUDA cannot run. */
  public static int boundCudaDevice() {
    CudaBackend bound = BOUND.get();
    if (bound != null) {
      return bound.ordinal();
    }
    return Cuda.INSTANCE == null ? -1 : Cuda.INSTANCE.ordinal();
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
