package io.jimagecuda.gl.internal;

import io.jimagecuda.BackendKind;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Host memory that frames pass through on the CPU path: page-locked ({@code cuMemHostAlloc}) when the
 * CUDA backend runs, so that downloads from the GPU run at full speed, otherwise plain native memory.
 * Grows to the largest frame asked for; one owner, one thread.
 */
public final class HostStaging {
  private long address;
  private long capacity;
  private boolean pinned;

  /**
   * A little-endian buffer over the first {@code bytes} bytes of the staging memory, position 0. Valid
   * until the next call or {@link #free()}.
   */
  public ByteBuffer buffer(long bytes) {
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("A frame of " + bytes + " bytes is too large for the CPU path (2 GiB at most)");
    }
    if (bytes > capacity) {
      free();
      allocate(bytes);
    }
    return MemoryUtil.memByteBuffer(address, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Whether the memory is page-locked by CUDA. */
  public boolean pinned() {
    return pinned;
  }

  private void allocate(long bytes) {
    if (JImageCuda.isCudaAvailable()) {
      CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
      cuda.makeCurrent();
      try (MemoryStack stack = MemoryStack.stackPush()) {
        long p = stack.nmalloc(8, 8);
        CudaCall.check("cuMemHostAlloc(" + bytes + " bytes, CPU present path)",
            CU.ncuMemHostAlloc(p, bytes, CU.CU_MEMHOSTALLOC_PORTABLE));
        address = MemoryUtil.memGetAddress(p);
        pinned = true;
      }
    } else {
      address = MemoryUtil.nmemAlignedAlloc(64, bytes);
      if (address == 0) {
        throw new OutOfMemoryError("HostStaging: " + bytes + " bytes of native memory");
      }
      pinned = false;
    }
    capacity = bytes;
  }

  /** Releases the memory; the next {@link #buffer} allocates again. */
  public void free() {
    if (address == 0) {
      return;
    }
    if (pinned) {
      ((CudaBackend) Backends.get(BackendKind.CUDA)).makeCurrent();
      CudaCall.check("cuMemFreeHost(CPU present path)", CU.ncuMemFreeHost(address));
    } else {
      MemoryUtil.nmemAlignedFree(address);
    }
    address = 0;
    capacity = 0;
  }
}
