package io.jimagecuda.internal.cuda;

import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.Storage;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.system.MemoryUtil;

/**
 * Builds one kernel launch: the grid, then the arguments in the kernel's parameter order, then
 * {@link #launch()}. One instance per thread is reused (no allocation per launch); arguments are copied
 * by the driver at launch, so the instance is free again when {@code launch()} returns.
 *
 * <pre>{@code
 * cuda.kernel("fill_color", w, h).ptr(img).i32(w).i32(h).rgba(c).launch();
 * }</pre>
 *
 * <p>Block shape lives here and nowhere else: 2D launches use 32 × 8 threads, one thread per pixel.
 * Tiled kernels (the blur passes) are the exception: their launcher states grid, block and dynamic
 * shared memory next to the kernel's own constants.
 */
public final class KernelLaunch {
  /** Threads per block along x for 2D launches (a warp per row: coalesced accesses). */
  public static final int BLOCK_X = 32;
  /** Threads per block along y for 2D launches. */
  public static final int BLOCK_Y = 8;
  /** Threads per block of 1D launches. */
  public static final int BLOCK_1D = 256;

  private static final int MAX_ARGS = 32;
  private static final int SLOT = 16;
  /** Largest by-value array argument ({@link #floats}), in bytes. */
  private static final int MAX_ARRAY_BYTES = 1024;

  private final CudaBackend backend;
  /** MAX_ARGS slots of SLOT bytes for the values. */
  private final long values;
  /** MAX_ARGS pointers to the values (the kernelParams array). */
  private final long pointers;
  /** The CUlaunchConfig struct (56 bytes). */
  private final long config;
  /** The value of the one by-value array argument a launch may have ({@link #floats}). */
  private final long array;
  /** The argument index whose pointer {@link #floats} redirected to {@link #array}, or -1. */
  private int arraySlot = -1;
  private String name;
  private long function;
  private int count;

  KernelLaunch(CudaBackend backend) {
    this.backend = backend;
    this.values = MemoryUtil.nmemAlignedAlloc(16, (long) MAX_ARGS * SLOT);
    this.pointers = MemoryUtil.nmemAlloc((long) MAX_ARGS * 8);
    this.config = MemoryUtil.nmemCalloc(1, CU.CUlaunchConfig_SIZEOF);
    this.array = MemoryUtil.nmemAlignedAlloc(16, MAX_ARRAY_BYTES);
    for (int i = 0; i < MAX_ARGS; i++) {
      MemoryUtil.memPutAddress(pointers + i * 8L, values + (long) i * SLOT);
    }
    // Thread-local and alive as long as its thread: the native blocks are reclaimed at process exit.
  }

  KernelLaunch start(String kernel, long function, int gx, int gy, int bx, int by) {
    return start(kernel, function, gx, gy, bx, by, 0);
  }

  KernelLaunch start(String kernel, long function, int gx, int gy, int bx, int by, int sharedBytes) {
    this.name = kernel;
    this.function = function;
    this.count = 0;
    if (arraySlot >= 0) {
      MemoryUtil.memPutAddress(pointers + arraySlot * 8L, values + (long) arraySlot * SLOT);
      arraySlot = -1;
    }
    CU.launchConfig(config, gx, gy, 1, bx, by, 1, sharedBytes, backend.stream());
    return this;
  }

  private long slot() {
    if (count == MAX_ARGS) {
      throw new IllegalStateException("kernel " + name + ": more than " + MAX_ARGS + " arguments");
    }
    return values + (long) (count++) * SLOT;
  }

  /** A device pointer argument: the storage's address. */
  public KernelLaunch ptr(Storage s) {
    return ptr(((CudaStorage) s).ptr());
  }

  /** A device pointer (or any 64-bit) argument. */
  public KernelLaunch ptr(long address) {
    MemoryUtil.memPutLong(slot(), address);
    return this;
  }

  /** An {@code int} argument. */
  public KernelLaunch i32(int v) {
    MemoryUtil.memPutInt(slot(), v);
    return this;
  }

  /** A {@code bool}-as-{@code int} argument (kernels take {@code int} flags). */
  public KernelLaunch flag(boolean v) {
    return i32(v ? 1 : 0);
  }

  /** A {@code float} argument. */
  public KernelLaunch f32(float v) {
    MemoryUtil.memPutFloat(slot(), v);
    return this;
  }

  /** A {@code float4} argument (r, g, b, a). */
  public KernelLaunch rgba(Rgba c) {
    long s = slot();
    MemoryUtil.memPutFloat(s, c.r());
    MemoryUtil.memPutFloat(s + 4, c.g());
    MemoryUtil.memPutFloat(s + 8, c.b());
    MemoryUtil.memPutFloat(s + 12, c.a());
    return this;
  }

  /**
   * A by-value struct argument holding {@code float[length]}: {@code values} followed by zeros (e.g.
   * {@code struct { float w[101]; }}). The driver copies it at launch like any argument, so no device
   * memory is needed. At most one per launch.
   */
  public KernelLaunch floats(float[] values, int length) {
    if (arraySlot >= 0) {
      throw new IllegalStateException("kernel " + name + ": more than one array argument");
    }
    if (values.length > length || length * 4L > MAX_ARRAY_BYTES) {
      throw new IllegalArgumentException("kernel " + name + ": an array argument of " + values.length
          + " floats in " + length + " (at most " + MAX_ARRAY_BYTES / 4 + ")");
    }
    int index = count;
    slot();
    for (int i = 0; i < length; i++) {
      MemoryUtil.memPutFloat(array + i * 4L, i < values.length ? values[i] : 0f);
    }
    MemoryUtil.memPutAddress(pointers + index * 8L, array);
    arraySlot = index;
    return this;
  }

  /** Enqueues the kernel on the backend's stream; does not wait for it. */
  public void launch() {
    backend.makeCurrent();
    CudaCall.launched(name);
    CudaCall.check("cuLaunchKernelEx(" + name + ")", CU.ncuLaunchKernelEx(config, function, pointers, 0L));
  }
}
