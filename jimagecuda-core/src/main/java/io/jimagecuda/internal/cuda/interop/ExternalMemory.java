package io.jimagecuda.internal.cuda.interop;

import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Memory allocated by another API (Vulkan, or CUDA itself through {@link ExportableMemory}) imported
 * into CUDA from an opaque POSIX file descriptor ({@code cuImportExternalMemory}). It can be mapped as a
 * linear buffer ({@link #mapBuffer}) or as an RGBA8 2D image written with surface stores
 * ({@link #mapSurfaceRgba8}). CUDA takes ownership of the descriptor on success.
 */
public final class ExternalMemory implements AutoCloseable {
  private static final int CU_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD = 1;
  private static final int CUDA_EXTERNAL_MEMORY_DEDICATED = 0x1;
  private static final int HANDLE_DESC_SIZEOF = 104;
  private static final int BUFFER_DESC_SIZEOF = 88;
  private static final int MIPMAP_DESC_SIZEOF = 120;
  private static final int CU_AD_FORMAT_UNSIGNED_INT8 = 0x01;
  private static final int CUDA_ARRAY3D_SURFACE_LDST = 0x02;
  private static final int CUDA_ARRAY3D_COLOR_ATTACHMENT = 0x20;

  private final CudaBackend cuda;
  private final long size;
  private long handle;
  private long mipmap;
  private long surface;
  private final java.util.List<Long> buffers = new java.util.ArrayList<>();

  private ExternalMemory(CudaBackend cuda, long handle, long size) {
    this.cuda = cuda;
    this.handle = handle;
    this.size = size;
  }

  /** Whether the driver has the external-memory entry points. */
  public static boolean supported() {
    return CU.has(CU.Functions.cuImportExternalMemory) && CU.has(CU.Functions.cuExternalMemoryGetMappedBuffer);
  }

  /**
   * Imports {@code size} bytes from an opaque fd.
   *
   * @param dedicated whether the memory is a dedicated allocation (Vulkan images: yes)
   */
  public static ExternalMemory importFd(CudaBackend cuda, int fd, long size, boolean dedicated) {
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long desc = stack.ncalloc(8, 1, HANDLE_DESC_SIZEOF);
      MemoryUtil.memPutInt(desc, CU_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD);
      MemoryUtil.memPutInt(desc + 8, fd);
      MemoryUtil.memPutLong(desc + 24, size);
      MemoryUtil.memPutInt(desc + 32, dedicated ? CUDA_EXTERNAL_MEMORY_DEDICATED : 0);
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuImportExternalMemory(opaque fd, " + size + " bytes)", CU.ncuImportExternalMemory(p, desc),
          "the memory must come from the same GPU (matching device UUID) and be exported as an opaque fd");
      return new ExternalMemory(cuda, MemoryUtil.memGetAddress(p), size);
    }
  }

  /** Maps {@code bytes} bytes from {@code offset} as a device pointer, valid until {@link #free()}. */
  public long mapBuffer(long offset, long bytes) {
    requireLive();
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long desc = stack.ncalloc(8, 1, BUFFER_DESC_SIZEOF);
      MemoryUtil.memPutLong(desc, offset);
      MemoryUtil.memPutLong(desc + 8, bytes);
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuExternalMemoryGetMappedBuffer", CU.ncuExternalMemoryGetMappedBuffer(p, handle, desc));
      long ptr = MemoryUtil.memGetLong(p);
      buffers.add(ptr);
      return ptr;
    }
  }

  /**
   * Maps the memory as a one-level RGBA8 {@code width × height} image and returns a surface object
   * ({@code CUsurfObject}) for kernels' surface stores; valid until {@link #free()}.
   */
  public long mapSurfaceRgba8(int width, int height) {
    requireLive();
    if (surface != 0) {
      return surface;
    }
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long desc = stack.ncalloc(8, 1, MIPMAP_DESC_SIZEOF);
      MemoryUtil.memPutLong(desc, 0L);
      MemoryUtil.memPutLong(desc + 8, width);
      MemoryUtil.memPutLong(desc + 16, height);
      MemoryUtil.memPutLong(desc + 24, 0L);
      MemoryUtil.memPutInt(desc + 32, CU_AD_FORMAT_UNSIGNED_INT8);
      MemoryUtil.memPutInt(desc + 36, 4);
      MemoryUtil.memPutInt(desc + 40, CUDA_ARRAY3D_SURFACE_LDST | CUDA_ARRAY3D_COLOR_ATTACHMENT);
      MemoryUtil.memPutInt(desc + 48, 1);
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuExternalMemoryGetMappedMipmappedArray",
          CU.ncuExternalMemoryGetMappedMipmappedArray(p, handle, desc));
      mipmap = MemoryUtil.memGetAddress(p);
      CudaCall.check("cuMipmappedArrayGetLevel", CU.ncuMipmappedArrayGetLevel(p, mipmap, 0));
      surface = Surfaces.create(MemoryUtil.memGetAddress(p));
      return surface;
    }
  }

  /** The imported size in bytes. */
  public long size() {
    return size;
  }

  private void requireLive() {
    if (handle == 0) {
      throw new IllegalStateException("ExternalMemory has been freed");
    }
  }

  /** Waits for the backend's stream, then destroys the surface, mappings and the import; idempotent. */
  public void free() {
    if (handle == 0) {
      return;
    }
    cuda.synchronize();
    if (surface != 0) {
      Surfaces.destroy(surface);
      surface = 0;
    }
    if (mipmap != 0) {
      CudaCall.check("cuMipmappedArrayDestroy", CU.ncuMipmappedArrayDestroy(mipmap));
    }
    for (long b : buffers) {
      CudaCall.check("cuMemFree(mapped external buffer)", CU.ncuMemFree(b));
    }
    buffers.clear();
    CudaCall.check("cuDestroyExternalMemory", CU.ncuDestroyExternalMemory(handle));
    handle = 0;
    mipmap = 0;
  }

  @Override
  public void close() {
    free();
  }
}
