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

  /** The message for a failed call: {@code "cuX failed: CUDA_ERROR_Y (code): description. advice"}. */
  public static String message(String call, int result, String advice) {
    String msg = call + " failed: " + errorName(result) + " (" + result + "): " + errorString(result);
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
