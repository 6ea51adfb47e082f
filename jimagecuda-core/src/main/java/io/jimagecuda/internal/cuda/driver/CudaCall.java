package io.jimagecuda.internal.cuda.driver;

import io.jimagecuda.CudaException;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** Turns a {@code CUresult} into an exception that names the call, the CUDA error name and its message. */
public final class CudaCall {
  private CudaCall() {
  }

  /** Throws {@link CudaException} unless {@code result} is {@code CUDA_SUCCESS}. */
  public static void check(String call, int result) {
    if (result != CU.CUDA_SUCCESS) {
      throw new CudaException(call, result, errorName(result), message(call, result, null));
    }
  }

  /** Like {@link #check(String, int)}, adding what the user can do. */
  public static void check(String call, int result, String advice) {
    if (result != CU.CUDA_SUCCESS) {
      throw new CudaException(call, result, errorName(result), message(call, result, advice));
    }
  }

  /** Kernels launched since the stream last synchronised without error, newest last (diagnostics only). */
  private static final String[] RECENT = new String[8];
  private static int recentCount;

  /**
   * Records a kernel launch, so that a sticky error found later (at a synchronisation) can name the
   * kernels that may have caused it.
   *
   * @param what the kernel and, where known, the operation
   */
  public static synchronized void launched(String what) {
    RECENT[recentCount++ % RECENT.length] = what;
  }

  /** The stream synchronised without error: earlier launches are no longer suspects. */
  public static synchronized void synchronised() {
    recentCount = 0;
  }

  private static synchronized String recentLaunches() {
    int n = Math.min(recentCount, RECENT.length);
    StringBuilder b = new StringBuilder();
    for (int i = recentCount - n; i < recentCount; i++) {
      b.append(b.length() == 0 ? "" : ", ").append(RECENT[i % RECENT.length]);
    }
    return (recentCount > n ? "..., " : "") + b;
  }

  /**
   * Whether {@code result} is a sticky error: a kernel faulted (illegal address, illegal instruction,
   * misaligned address, device assert, launch failure) and the CUDA context can no longer be used.
   *
   * @param result a {@code CUresult}
   * @return true for the codes after which every CUDA call of the context fails
   */
  public static boolean isSticky(int result) {
    return result == 700 || result == 710 || (result >= 714 && result <= 719);
  }

  /** The message for a failed call: {@code "cuX failed: CUDA_ERROR_Y (code): description. advice"}. */
  public static String message(String call, int result, String advice) {
    String msg = call + " failed: " + errorName(result) + " (" + result + "): " + errorString(result);
    if (isSticky(result)) {
      String recent = recentLaunches();
      msg += ". A kernel faulted" + (recent.isEmpty() ? "" : "; kernels launched since the last successful "
          + "synchronisation, newest last: " + recent) + ". The error is sticky: NVIDIA's driver refuses CUDA "
          + "work in this process from now on. Restart the JVM to use the GPU again; JImageCuda.resetCuda() "
          + "releases the device's memory and makes the CPU backend the default in the meantime";
    }
    if (result == 219 && advice == null) {
      advice = "CUDA-OpenGL interop needs the GL context current on this thread and on an NVIDIA GPU";
    }
    return advice == null ? msg : msg + ". " + advice;
  }

  /** {@code cuGetErrorName}, or {@code CUDA_ERROR_<n>} if the driver does not know the code. */
  public static String errorName(int result) {
    return lookup(result, true);
  }

  /** {@code cuGetErrorString}, or "unknown error" if the driver does not know the code. */
  public static String errorString(int result) {
    return lookup(result, false);
  }

  private static String lookup(int result, boolean name) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = stack.nmalloc(8, 8);
      MemoryUtil.memPutAddress(p, 0L);
      int r = name ? CU.ncuGetErrorName(result, p) : CU.ncuGetErrorString(result, p);
      long s = MemoryUtil.memGetAddress(p);
      if (r != CU.CUDA_SUCCESS || s == 0) {
        return name ? "CUDA_ERROR_" + result : "unknown error";
      }
      return MemoryUtil.memASCII(s);
    } catch (LinkageError e) {
      return name ? "CUDA_ERROR_" + result : "unknown error";
    }
  }
}
