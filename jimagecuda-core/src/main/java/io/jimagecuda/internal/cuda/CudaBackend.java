package io.jimagecuda.internal.cuda;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.OutOfDeviceMemoryException;
import io.jimagecuda.internal.NativeLibraries;
import io.jimagecuda.internal.backend.AdjustOps;
import io.jimagecuda.internal.backend.Backend;
import io.jimagecuda.internal.backend.BlendOps;
import io.jimagecuda.internal.backend.ConvertOps;
import io.jimagecuda.internal.backend.EffectOps;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.FilterOps;
import io.jimagecuda.internal.backend.TextOps;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.ResizeOps;
import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.backend.TransformOps;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The CUDA backend: one device, its primary context, one non-blocking stream on which every operation
 * is enqueued, device memory from the device's stream-ordered pool, kernels from the embedded fatbin.
 *
 * <p>Any thread may call it: {@link #makeCurrent()} binds the primary context to the calling thread on
 * its first use. Host transfers are synchronous for the caller (they wait for the stream); everything
 * else only enqueues.
 */
public final class CudaBackend implements Backend {
  /** Classpath resource holding the kernels, built by nvcc in the Maven build. */
  public static final String FATBIN = "/io/jimagecuda/kernels.fatbin";
  /** Host transfers go through a pinned staging buffer in chunks of this size. */
  static {
    NativeLibraries.prepare(); // before this class's first MemoryStack loads LWJGL's library: see there
  }

  private static final long STAGING_BYTES = 16L << 20;
  private static final int CUDA_ERROR_OUT_OF_MEMORY = 2;

  /**
   * The context current on each thread as far as the CUDA backends know: one per thread for all devices,
   * so that a thread that works with two devices in turn switches contexts correctly. Element 0 is the
   * context, element 1 the {@link #resets} count it was made current under: after a reset (which may hand
   * out the same handle again) every thread binds the context anew.
   */
  private static final ThreadLocal<long[]> CURRENT_CONTEXT = ThreadLocal.withInitial(() -> new long[2]);

  /** Number of {@link #discard()} calls so far (context resets), for {@link #CURRENT_CONTEXT}. */
  private static volatile long resets;

  private final int ordinal;
  private final int deviceCount;
  private final int device;
  private final long context;
  private final long stream;
  private final long module;
  private final Map<String, Long> functions = new HashMap<>();
  private final String name;
  private final int ccMajor;
  private final int ccMinor;
  private final long totalMemory;
  private final int driverVersion;
  private final boolean pooled;
  private final long pool;
  private final ThreadLocal<KernelLaunch> launches = ThreadLocal.withInitial(() -> new KernelLaunch(this));
  private final Object stagingLock = new Object();
  private long staging;
  private final CudaFill fill;
  private final CudaConvert convert;
  private final CudaAdjust adjust;
  private final CudaBlend blend;
  private final CudaResize resize;
  private final CudaTransform transform;
  private final CudaEffect effect;
  private final CudaFilter filter;
  private final CudaText text;

  private CudaBackend(int ordinal) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = stack.nmalloc(8, 64);
      int r = CU.ncuInit(0);
      if (r != CU.CUDA_SUCCESS) {
        throw new BackendUnavailableException("cuInit failed: " + CudaCall.errorName(r) + " ("
            + CudaCall.errorString(r) + "): no usable NVIDIA GPU or driver here");
      }
      CudaCall.check("cuDriverGetVersion", CU.ncuDriverGetVersion(p));
      driverVersion = MemoryUtil.memGetInt(p);
      CudaCall.check("cuDeviceGetCount", CU.ncuDeviceGetCount(p));
      int count = MemoryUtil.memGetInt(p);
      this.ordinal = ordinal;
      this.deviceCount = count;
      if (count == 0) {
        throw new BackendUnavailableException("The CUDA driver loaded but reports no device");
      }
      if (ordinal < 0 || ordinal >= count) {
        throw new BackendUnavailableException("CUDA device " + ordinal + " does not exist: the driver reports "
            + count + (count == 1 ? " device (0)" : " devices (0.." + (count - 1) + ")")
            + "; choose one of them (--devices, jimagecuda.cuda.device)");
      }
      CudaCall.check("cuDeviceGet", CU.ncuDeviceGet(p, ordinal));
      device = MemoryUtil.memGetInt(p);
      CudaCall.check("cuDeviceGetName", CU.ncuDeviceGetName(p, 64, device));
      name = MemoryUtil.memASCII(p);
      ccMajor = attribute(p, CU.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
      ccMinor = attribute(p, CU.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
      CudaCall.check("cuDeviceTotalMem", CU.ncuDeviceTotalMem(p, device));
      totalMemory = MemoryUtil.memGetLong(p);
      CudaCall.check("cuDevicePrimaryCtxRetain", CU.ncuDevicePrimaryCtxRetain(p, device));
      context = MemoryUtil.memGetAddress(p);
      makeCurrent();
      CudaCall.check("cuStreamCreate", CU.ncuStreamCreate(p, CU.CU_STREAM_NON_BLOCKING));
      stream = MemoryUtil.memGetAddress(p);
      pooled = CU.has(CU.Functions.cuMemAllocAsync)
          && attribute(p, CU.CU_DEVICE_ATTRIBUTE_MEMORY_POOLS_SUPPORTED) != 0;
      if (pooled) {
        // Keep up to a quarter of the device's memory cached in the pool instead of returning it to the
        // driver at every synchronise, so that allocating a result costs about as much as reusing a
        // buffer; beyond that, freed memory goes back to the driver for OpenGL, Vulkan and other users.
        CudaCall.check("cuDeviceGetDefaultMemPool", CU.ncuDeviceGetDefaultMemPool(p, device));
        pool = MemoryUtil.memGetAddress(p);
        long value = stack.nmalloc(8, 8);
        MemoryUtil.memPutLong(value, totalMemory / 4);
        CudaCall.check("cuMemPoolSetAttribute(RELEASE_THRESHOLD)",
            CU.ncuMemPoolSetAttribute(pool, CU.CU_MEMPOOL_ATTR_RELEASE_THRESHOLD, value));
      } else {
        pool = 0L;
      }
      module = loadModule(p);
    }
    fill = new CudaFill(this);
    convert = new CudaConvert(this);
    adjust = new CudaAdjust(this);
    blend = new CudaBlend(this);
    resize = new CudaResize(this);
    transform = new CudaTransform(this);
    effect = new CudaEffect(this);
    filter = new CudaFilter(this);
    text = new CudaText(this);
  }

  /**
   * Starts the backend on the configured device.
   *
   * @throws BackendUnavailableException with the reason when the driver, a device or the kernels are
   *     missing
   */
  public static CudaBackend create() {
    return create(Config.cudaDevice());
  }

  /**
   * Starts the backend on device {@code ordinal}, with its own stream in the device's primary context.
   *
   * @throws BackendUnavailableException with the reason when the driver, the device or the kernels are
   *     missing
   */
  public static CudaBackend create(int ordinal) {
    try {
      CU.Functions.LIBRARY.getName();
    } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
      Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      throw new BackendUnavailableException("The NVIDIA driver library (" + Config.cudaLibrary()
          + ") could not be loaded: " + cause
          + ". Install the NVIDIA driver, or use the CPU backend", cause);
    }
    if (CudaBackend.class.getResource(FATBIN) == null) {
      throw new BackendUnavailableException("The CUDA kernels were not built into this jar (" + FATBIN
          + " is missing: nvcc was not found when it was built). Rebuild with nvcc on PATH, or use the "
          + "CPU backend");
    }
    return new CudaBackend(ordinal);
  }

  private int attribute(long p, int attribute) {
    CudaCall.check("cuDeviceGetAttribute", CU.ncuDeviceGetAttribute(p, attribute, device));
    return MemoryUtil.memGetInt(p);
  }

  private static long loadModule(long p) {
    byte[] image;
    try (InputStream in = CudaBackend.class.getResourceAsStream(FATBIN)) {
      image = in.readAllBytes();
    } catch (IOException e) {
      throw new BackendUnavailableException("Cannot read the kernels " + FATBIN + ": " + e, e);
    }
    ByteBuffer buf = MemoryUtil.memAlloc(image.length);
    try {
      buf.put(image).flip();
      CudaCall.check("cuModuleLoadData(" + FATBIN + ")",
          CU.ncuModuleLoadData(p, MemoryUtil.memAddress(buf)),
          "the fatbin has SASS for sm_75..sm_90 and PTX for compute_90; a newer GPU needs a driver that "
              + "can JIT compute_90 PTX, an older one is not supported");
      return MemoryUtil.memGetAddress(p);
    } finally {
      MemoryUtil.memFree(buf);
    }
  }

  /** Binds the primary context to the calling thread if it is not yet. */
  public void makeCurrent() {
    if (discarded) {
      throw new IllegalStateException("This CUDA image or resource belongs to a CUDA backend that was reset "
          + "(JImageCuda.resetCuda()); its memory is gone. Create it again on the new backend");
    }
    long[] current = CURRENT_CONTEXT.get();
    long generation = resets;
    if (current[0] != context || current[1] != generation) {
      CudaCall.check("cuCtxSetCurrent", CU.ncuCtxSetCurrent(context));
      current[0] = context;
      current[1] = generation;
    }
  }

  /** The stream every operation is enqueued on. */
  public long stream() {
    return stream;
  }

  /** The device index this backend runs on (0 for the first GPU). */
  public int ordinal() {
    return ordinal;
  }

  /** How many CUDA devices the driver reported when this backend started. */
  public int deviceCount() {
    return deviceCount;
  }

  /** The device ordinal handle ({@code CUdevice}). */
  public int device() {
    return device;
  }

  /** The primary context. */
  public long context() {
    return context;
  }

  /** Compute capability as {@code major * 10 + minor}. */
  public int computeCapability() {
    return ccMajor * 10 + ccMinor;
  }

  /** The device name. */
  public String deviceName() {
    return name;
  }

  /** Total device memory in bytes. */
  public long totalMemory() {
    return totalMemory;
  }

  /** The driver's CUDA version, e.g. 13000. */
  public int driverVersion() {
    return driverVersion;
  }

  /** The device's 16-byte UUID ({@code cuDeviceGetUuid}), to find the same GPU in Vulkan or OpenGL. */
  public byte[] uuid() {
    makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = stack.nmalloc(8, 16);
      CudaCall.check("cuDeviceGetUuid", CU.ncuDeviceGetUuid(p, device));
      byte[] id = new byte[16];
      MemoryUtil.memByteBuffer(p, 16).get(id);
      return id;
    }
  }

  /** Free device memory in bytes (queried now), or -1 if the query fails. */
  public long freeMemory() {
    makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long f = stack.nmalloc(8, 16);
      return CU.ncuMemGetInfo(f, f + 8) == CU.CUDA_SUCCESS ? MemoryUtil.memGetLong(f) : -1;
    }
  }

  /** The function of an {@code extern "C"} kernel, looked up once. */
  public synchronized long function(String kernel) {
    Long f = functions.get(kernel);
    if (f == null) {
      makeCurrent();
      try (MemoryStack stack = MemoryStack.stackPush()) {
        long p = stack.nmalloc(8, 8);
        CudaCall.check("cuModuleGetFunction(" + kernel + ")",
            CU.ncuModuleGetFunction(p, module, MemoryUtil.memAddress(stack.ASCII(kernel))),
            "the fatbin lacks this kernel: rebuild the project");
        f = MemoryUtil.memGetAddress(p);
      }
      functions.put(kernel, f);
    }
    return f;
  }

  /** Starts a launch of {@code kernel} with one thread per pixel of a {@code width × height} area. */
  public KernelLaunch kernel(String kernel, int width, int height) {
    int gx = (width + KernelLaunch.BLOCK_X - 1) / KernelLaunch.BLOCK_X;
    int gy = (height + KernelLaunch.BLOCK_Y - 1) / KernelLaunch.BLOCK_Y;
    return launches.get().start(kernel, function(kernel), gx, gy, KernelLaunch.BLOCK_X, KernelLaunch.BLOCK_Y);
  }

  /**
   * Starts a launch of {@code kernel} on a {@code blocksX × blocksY} grid of the 2D block shape, for kernels
   * that give each block a tile of pixels rather than each thread one pixel.
   */
  public KernelLaunch kernelBlocks(String kernel, int blocksX, int blocksY) {
    return launches.get().start(kernel, function(kernel), blocksX, blocksY, KernelLaunch.BLOCK_X,
        KernelLaunch.BLOCK_Y);
  }

  /**
   * Starts a launch of a tiled {@code kernel} whose grid, block and dynamic shared memory its launcher
   * works out (e.g. the blur passes, which give each thread a run of outputs).
   */
  public KernelLaunch kernel(String kernel, int gridX, int gridY, int blockX, int blockY, int sharedBytes) {
    return launches.get().start(kernel, function(kernel), gridX, gridY, blockX, blockY, sharedBytes);
  }

  /** Starts a launch of {@code kernel} with {@code n} threads in one dimension. */
  public KernelLaunch kernel1d(String kernel, long n) {
    long blocks = (n + KernelLaunch.BLOCK_1D - 1) / KernelLaunch.BLOCK_1D;
    if (blocks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("kernel " + kernel + ": " + n + " threads is too many for 1D");
    }
    return launches.get().start(kernel, function(kernel), (int) blocks, 1, KernelLaunch.BLOCK_1D, 1);
  }

  // ---------------------------------------------------------------- Backend

  @Override
  public BackendKind kind() {
    return BackendKind.CUDA;
  }

  @Override
  public String describe() {
    return String.format("CUDA backend: %s, compute capability %d.%d, %.1f GiB, driver CUDA %d.%d%s", name,
        ccMajor, ccMinor, totalMemory / (double) (1L << 30), driverVersion / 1000, driverVersion % 1000 / 10,
        pooled ? ", stream-ordered memory pool" : ", plain allocations (no memory pool support)");
  }

  @Override
  public Storage allocate(PixelFormat format, long pixels) {
    return allocate(format, pixels, true);
  }

  @Override
  public Storage allocateForOverwrite(PixelFormat format, long pixels) {
    return allocate(format, pixels, false);
  }

  private Storage allocate(PixelFormat format, long pixels, boolean zeroed) {
    long bytes = pixels * format.bytesPerPixel;
    makeCurrent();
    long ptr;
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = stack.nmalloc(8, 8);
      int r = pooled ? CU.ncuMemAllocAsync(p, bytes, stream) : CU.ncuMemAlloc(p, bytes);
      String call = pooled ? "cuMemAllocAsync" : "cuMemAlloc";
      if (r == CUDA_ERROR_OUT_OF_MEMORY) {
        // Memory freed earlier may still be waiting in the stream or cached in the pool: wait for the
        // stream, hand cached memory back to the driver and try once more before giving up.
        syncStream("allocate");
        if (pooled) {
          CudaCall.check("cuMemPoolTrimTo", CU.ncuMemPoolTrimTo(pool, 0));
        }
        r = pooled ? CU.ncuMemAllocAsync(p, bytes, stream) : CU.ncuMemAlloc(p, bytes);
      }
      if (r == CUDA_ERROR_OUT_OF_MEMORY) {
        throw new OutOfDeviceMemoryException(call, r, CudaCall.errorName(r), bytes, freeMemory(), totalMemory);
      }
      CudaCall.check(call + "(" + bytes + " bytes)", r);
      ptr = MemoryUtil.memGetLong(p);
    }
    // New images start as transparent black, never as garbage; results an operation overwrites entirely
    // skip the clearing pass.
    if (zeroed) {
      CudaCall.check("cuMemsetD8Async", CU.ncuMemsetD8Async(ptr, 0, bytes, stream));
    }
    return new CudaStorage(this, format, pixels, ptr, bytes);
  }

  /** Returns memory to the pool, ordered after the work already enqueued. Called by the Cleaner too. */
  void release(long ptr) {
    if (discarded) {
      return; // the context reset released it
    }
    makeCurrent();
    int r = pooled ? CU.ncuMemFreeAsync(ptr, stream) : CU.ncuMemFree(ptr);
    if (r != CU.CUDA_SUCCESS) {
      // A failed free leaks device memory but must not crash a Cleaner thread; report it.
      System.err.println("[jimagecuda] " + CudaCall.message(pooled ? "cuMemFreeAsync" : "cuMemFree", r, null));
    }
  }

  private static long ptr(Storage s) {
    return ((CudaStorage) s).ptr();
  }

  /** Pinned staging memory for host transfers, allocated on first use; callers hold stagingLock. */
  private long staging() {
    if (staging == 0) {
      try (MemoryStack stack = MemoryStack.stackPush()) {
        long p = stack.nmalloc(8, 8);
        CudaCall.check("cuMemHostAlloc(staging)", CU.ncuMemHostAlloc(p, STAGING_BYTES, CU.CU_MEMHOSTALLOC_PORTABLE));
        staging = MemoryUtil.memGetAddress(p);
      }
    }
    return staging;
  }

  private void syncStream(String op) {
    CudaCall.check("cuStreamSynchronize(" + op + ")", CU.ncuStreamSynchronize(stream));
    CudaCall.synchronised();
  }

  /** Set by {@link #discard()}: the context was reset and this backend's memory and handles are gone. */
  private volatile boolean discarded;

  /**
   * Ends this backend after a sticky error: resets the device's primary context (which destroys every
   * allocation, stream and module of it, and clears the error) so that a new backend can be created. Later
   * uses of this backend's images throw {@link IllegalStateException}; freeing them does nothing.
   */
  public synchronized void discard() {
    if (discarded) {
      return;
    }
    discarded = true;
    resets++; // under this backend's lock; only one backend per device is discarded at a time
    if (CU.has(CU.Functions.cuDevicePrimaryCtxReset)) {
      int r = CU.ncuDevicePrimaryCtxReset(device);
      if (r != CU.CUDA_SUCCESS) {
        Config.log(CudaCall.message("cuDevicePrimaryCtxReset", r, null));
      }
    }
    CudaCall.synchronised();
  }

  /** {@return whether {@link #discard()} ended this backend} */
  public boolean isDiscarded() {
    return discarded;
  }

  @Override
  public void uploadFloats(Storage dst, float[] src, int offset, int count) {
    makeCurrent();
    synchronized (stagingLock) {
      long st = staging();
      long chunk = STAGING_BYTES / 4;
      for (int done = 0; done < count; ) {
        int n = (int) Math.min(chunk, count - done);
        MemoryUtil.memFloatBuffer(st, n).put(src, offset + done, n);
        CudaCall.check("cuMemcpyHtoDAsync", CU.ncuMemcpyHtoDAsync(ptr(dst) + done * 4L, st, n * 4L, stream));
        syncStream("upload");
        done += n;
      }
    }
  }

  @Override
  public void downloadFloats(Storage src, float[] dst, int offset, int count) {
    makeCurrent();
    synchronized (stagingLock) {
      long st = staging();
      long chunk = STAGING_BYTES / 4;
      for (int done = 0; done < count; ) {
        int n = (int) Math.min(chunk, count - done);
        CudaCall.check("cuMemcpyDtoHAsync", CU.ncuMemcpyDtoHAsync(st, ptr(src) + done * 4L, n * 4L, stream));
        syncStream("download");
        MemoryUtil.memFloatBuffer(st, n).get(dst, offset + done, n);
        done += n;
      }
    }
  }

  @Override
  public void uploadBytes(Storage dst, byte[] src, int offset, int count) {
    makeCurrent();
    synchronized (stagingLock) {
      long st = staging();
      for (int done = 0; done < count; ) {
        int n = (int) Math.min(STAGING_BYTES, count - done);
        MemoryUtil.memByteBuffer(st, n).put(src, offset + done, n);
        CudaCall.check("cuMemcpyHtoDAsync", CU.ncuMemcpyHtoDAsync(ptr(dst) + done, st, n, stream));
        syncStream("upload");
        done += n;
      }
    }
  }

  @Override
  public void downloadBytes(Storage src, long srcOffset, byte[] dst, int offset, int count) {
    makeCurrent();
    synchronized (stagingLock) {
      long st = staging();
      for (int done = 0; done < count; ) {
        int n = (int) Math.min(STAGING_BYTES, count - done);
        CudaCall.check("cuMemcpyDtoHAsync", CU.ncuMemcpyDtoHAsync(st, ptr(src) + srcOffset + done, n, stream));
        syncStream("download");
        MemoryUtil.memByteBuffer(st, n).get(dst, offset + done, n);
        done += n;
      }
    }
  }

  @Override
  public void uploadBuffer(Storage dst, ByteBuffer src) {
    makeCurrent();
    int n = src.remaining();
    if (src.isDirect()) {
      CudaCall.check("cuMemcpyHtoDAsync", CU.ncuMemcpyHtoDAsync(ptr(dst), MemoryUtil.memAddress(src), n, stream));
      syncStream("upload");
      return;
    }
    byte[] tmp = new byte[n];
    src.duplicate().get(tmp);
    uploadBytes(dst, tmp, 0, n);
  }

  @Override
  public void downloadBuffer(Storage src, ByteBuffer dst) {
    makeCurrent();
    int n = dst.remaining();
    if (dst.isDirect()) {
      CudaCall.check("cuMemcpyDtoHAsync", CU.ncuMemcpyDtoHAsync(MemoryUtil.memAddress(dst), ptr(src), n, stream));
      syncStream("download");
      return;
    }
    byte[] tmp = new byte[n];
    downloadBytes(src, tmp, 0, n);
    dst.duplicate().put(tmp);
  }

  @Override
  public void copy(Storage dst, Storage src, long bytes) {
    makeCurrent();
    CudaCall.check("cuMemcpyDtoDAsync", CU.ncuMemcpyDtoDAsync(ptr(dst), ptr(src), bytes, stream));
  }

  @Override
  public void synchronize() {
    makeCurrent();
    syncStream("synchronize");
  }

  @Override
  public FillOps fill() {
    return fill;
  }

  @Override
  public ConvertOps convert() {
    return convert;
  }

  @Override
  public AdjustOps adjust() {
    return adjust;
  }

  @Override
  public BlendOps blend() {
    return blend;
  }

  @Override
  public ResizeOps resize() {
    return resize;
  }

  @Override
  public TransformOps transform() {
    return transform;
  }

  @Override
  public EffectOps effect() {
    return effect;
  }

  @Override
  public FilterOps filter() {
    return filter;
  }

  @Override
  public TextOps text() {
    return text;
  }

}
