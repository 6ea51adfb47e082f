package io.jimagecuda.internal.cuda.interop;

import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A binary semaphore of another API (Vulkan) imported into CUDA from an opaque POSIX fd
 * ({@code cuImportExternalSemaphore}). {@link #signal()} and {@link #await()} are enqueued on the
 * backend's stream: the GPU orders CUDA's work against OpenGL's, the CPU never waits. CUDA owns the fd
 * on success.
 */
public final class ExternalSemaphore implements AutoCloseable {
  private static final int CU_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD = 1;
  private static final int HANDLE_DESC_SIZEOF = 96;
  /** Both CUDA_EXTERNAL_SEMAPHORE_SIGNAL_PARAMS and ..._WAIT_PARAMS are 144 bytes; all zero for binary semaphores. */
  private static final int PARAMS_SIZEOF = 144;

  private final CudaBackend cuda;
  /** Native block: [0] the CUexternalSemaphore handle, then zeroed parameters. */
  private final long block;
  private boolean closed;

  private ExternalSemaphore(CudaBackend cuda, long block) {
    this.cuda = cuda;
    this.block = block;
  }

  /** Whether the driver has the external-semaphore entry points. */
  public static boolean supported() {
    return CU.has(CU.Functions.cuImportExternalSemaphore) && CU.has(CU.Functions.cuSignalExternalSemaphoresAsync)
        && CU.has(CU.Functions.cuWaitExternalSemaphoresAsync);
  }

  /** Imports a binary semaphore from an opaque fd. */
  public static ExternalSemaphore importFd(CudaBackend cuda, int fd) {
    cuda.makeCurrent();
    long block = MemoryUtil.nmemCalloc(1, 8 + PARAMS_SIZEOF);
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long desc = stack.ncalloc(8, 1, HANDLE_DESC_SIZEOF);
      MemoryUtil.memPutInt(desc, CU_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD);
      MemoryUtil.memPutInt(desc + 8, fd);
      CudaCall.check("cuImportExternalSemaphore(opaque fd)", CU.ncuImportExternalSemaphore(block, desc),
          "the semaphore must come from the same GPU and be exported as an opaque fd");
      return new ExternalSemaphore(cuda, block);
    } catch (RuntimeException e) {
      MemoryUtil.nmemFree(block);
      throw e;
    }
  }

  /** Enqueues a signal on the backend's stream, after the work enqueued before. */
  public void signal() {
    requireOpen();
    CudaCall.check("cuSignalExternalSemaphoresAsync",
        CU.ncuSignalExternalSemaphoresAsync(block, block + 8, 1, cuda.stream()));
  }

  /** Enqueues a wait on the backend's stream: later work runs after the semaphore is signalled. */
  public void await() {
    requireOpen();
    CudaCall.check("cuWaitExternalSemaphoresAsync",
        CU.ncuWaitExternalSemaphoresAsync(block, block + 8, 1, cuda.stream()));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("ExternalSemaphore has been freed");
    }
  }

  /** Waits for the stream, then destroys the import; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cuda.synchronize();
    try {
      CudaCall.check("cuDestroyExternalSemaphore", CU.ncuDestroyExternalSemaphore(MemoryUtil.memGetAddress(block)));
    } finally {
      MemoryUtil.nmemFree(block);
    }
  }
}
