package io.jimagecuda.internal.cuda.interop;

import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Device memory that other APIs can import: allocated with {@code cuMemCreate} for the POSIX
 * file-descriptor handle type, mapped into CUDA's address space, and exported as a new file descriptor
 * per {@link #exportFd()} (OpenGL's {@code glImportMemoryFdEXT} and Vulkan take ownership of the fd they
 * import). CUDA kernels write it through {@link #ptr()}; no map/unmap per frame is needed.
 *
 * <p>The size is rounded up to the allocation granularity. Not thread-safe; free it after every
 * importer has released its import.
 */
public final class ExportableMemory implements AutoCloseable {
  private static final int CU_MEM_ALLOCATION_TYPE_PINNED = 1;
  private static final int CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR = 1;
  private static final int CU_MEM_LOCATION_TYPE_DEVICE = 1;
  private static final int CU_MEM_ACCESS_FLAGS_PROT_READWRITE = 3;
  private static final int CU_MEM_ALLOC_GRANULARITY_MINIMUM = 0;
  private static final int PROP_SIZEOF = 32;
  private static final int ACCESS_SIZEOF = 12;

  private final CudaBackend cuda;
  private final long size;
  private long handle;
  private long ptr;

  private ExportableMemory(CudaBackend cuda, long size, long handle, long ptr) {
    this.cuda = cuda;
    this.size = size;
    this.handle = handle;
    this.ptr = ptr;
  }

  /** Whether the driver has the virtual-memory entry points this class needs. */
  public static boolean supported() {
    return CU.has(CU.Functions.cuMemCreate) && CU.has(CU.Functions.cuMemExportToShareableHandle);
  }

  /**
   * Allocates at least {@code bytes} bytes on the backend's device.
   *
   * @throws io.jimagecuda.CudaException naming the failed call
   */
  public static ExportableMemory allocate(CudaBackend cuda, long bytes) {
    if (!supported()) {
      throw new UnsupportedOperationException("This NVIDIA driver lacks cuMemCreate/cuMemExportToShareableHandle");
    }
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long prop = stack.ncalloc(8, 1, PROP_SIZEOF);
      MemoryUtil.memPutInt(prop, CU_MEM_ALLOCATION_TYPE_PINNED);
      MemoryUtil.memPutInt(prop + 4, CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR);
      MemoryUtil.memPutInt(prop + 8, CU_MEM_LOCATION_TYPE_DEVICE);
      MemoryUtil.memPutInt(prop + 12, cuda.device());
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuMemGetAllocationGranularity",
          CU.ncuMemGetAllocationGranularity(p, prop, CU_MEM_ALLOC_GRANULARITY_MINIMUM));
      long granularity = MemoryUtil.memGetLong(p);
      long size = (bytes + granularity - 1) / granularity * granularity;
      CudaCall.check("cuMemCreate(" + size + " bytes, POSIX fd)", CU.ncuMemCreate(p, size, prop, 0L),
          "exportable device memory is unavailable (driver too old, or out of memory)");
      long handle = MemoryUtil.memGetLong(p);
      long ptr = 0;
      try {
        CudaCall.check("cuMemAddressReserve", CU.ncuMemAddressReserve(p, size, granularity, 0L, 0L));
        ptr = MemoryUtil.memGetLong(p);
        CudaCall.check("cuMemMap", CU.ncuMemMap(ptr, size, 0L, handle, 0L));
        long access = stack.ncalloc(4, 1, ACCESS_SIZEOF);
        MemoryUtil.memPutInt(access, CU_MEM_LOCATION_TYPE_DEVICE);
        MemoryUtil.memPutInt(access + 4, cuda.device());
        MemoryUtil.memPutInt(access + 8, CU_MEM_ACCESS_FLAGS_PROT_READWRITE);
        CudaCall.check("cuMemSetAccess", CU.ncuMemSetAccess(ptr, size, access, 1L));
        return new ExportableMemory(cuda, size, handle, ptr);
      } catch (RuntimeException e) {
        // Best-effort cleanup while the original failure propagates: its message is what matters.
        if (ptr != 0) {
          CU.ncuMemUnmap(ptr, size);
          CU.ncuMemAddressFree(ptr, size);
        }
        CU.ncuMemRelease(handle);
        throw e;
      }
    }
  }

  /** The device address CUDA kernels and copies use. */
  public long ptr() {
    requireLive();
    return ptr;
  }

  /** The allocated size in bytes (a multiple of the allocation granularity). */
  public long size() {
    return size;
  }

  /** Exports a new POSIX file descriptor for the memory; whoever imports it owns it. */
  public int exportFd() {
    requireLive();
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long fd = stack.nmalloc(4, 4);
      CudaCall.check("cuMemExportToShareableHandle(POSIX fd)",
          CU.ncuMemExportToShareableHandle(fd, handle, CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR, 0L));
      return MemoryUtil.memGetInt(fd);
    }
  }

  private void requireLive() {
    if (handle == 0) {
      throw new IllegalStateException("ExportableMemory has been freed");
    }
  }

  /** Unmaps and releases the memory after the backend's stream finished with it; idempotent. */
  public void free() {
    if (handle == 0) {
      return;
    }
    cuda.synchronize();
    CudaCall.check("cuMemUnmap", CU.ncuMemUnmap(ptr, size));
    CudaCall.check("cuMemAddressFree", CU.ncuMemAddressFree(ptr, size));
    CudaCall.check("cuMemRelease", CU.ncuMemRelease(handle));
    handle = 0;
    ptr = 0;
  }

  @Override
  public void close() {
    free();
  }
}
