package io.jimagecuda.internal.backend;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.CudaException;
import io.jimagecuda.Config;
import io.jimagecuda.internal.cpu.CpuBackend;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import io.jimagecuda.internal.cuda.driver.DriverLibrary;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
   * {@code JImageCuda.resetCuda()}. After a kernel fault the driver refuses the new context (measured on
   * driver 580: {@code cuDevicePrimaryCtxRetain} returns the fault's code after a successful reset, as NVIDIA
   * documents: "the process must be terminated"): CUDA then stays unavailable in this process, with a
   * message saying so, and the default backend becomes the CPU.
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
    if (fresh.backend() == null && stickyCode(fresh.failure()) != 0) {
      fresh = new CudaState(null, new BackendUnavailableException("CUDA cannot be used again in this process: "
          + "after a kernel fault NVIDIA's driver refuses every new CUDA context of the process, even after the "
          + "device's context was reset (" + CudaCall.errorName(stickyCode(fresh.failure())) + "; NVIDIA: the "
          + "process must be terminated and relaunched). The device's memory was released. Restart the JVM to "
          + "use the GPU again; until then images on the default backend run on the CPU backend",
          fresh.failure()));
    }
    cuda = fresh;
    if (fresh.backend() == null) {
      throw new BackendUnavailableException(fresh.failure().getMessage(), fresh.failure());
    }
  }

  /** The sticky CUDA error code in {@code failure}'s causes, or 0. */
  private static int stickyCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CudaException c && CudaCall.isSticky(c.code())) {
        return c.code();
      }
    }
    return 0;
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
      return cpu();
    }
    CudaBackend bound = BOUND.get();
    if (bound != null) {
      return bound;
    }
    CudaState c = cuda();
    if (c.backend() == null) {
      throw new BackendUnavailableException(c.failure().getMessage(), c.failure());
    }
    return c.backend();
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
    if (cuda().backend() == null) {
      throw new BackendUnavailableException("CUDA device " + ordinal + " cannot be used: "
          + cuda().failure().getMessage(), cuda().failure());
    }
    if (cuda().backend().ordinal() == ordinal) {
      return cuda().backend();
    }
    return OTHER_DEVICES.computeIfAbsent(ordinal, CudaBackend::create);
  }

  /** The device index of a CUDA backend, -1 for another backend. */
  public static int cudaOrdinal(Backend backend) {
    return backend instanceof CudaBackend cuda ? cuda.ordinal() : -1;
  }

  /** Number of CUDA devices the driver reports; 0 when CUDA cannot run here. */
  public static int cudaDeviceCount() {
    return cuda().backend() == null ? 0 : cuda().backend().deviceCount();
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
    return cuda().backend() == null ? -1 : cuda().backend().ordinal();
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
