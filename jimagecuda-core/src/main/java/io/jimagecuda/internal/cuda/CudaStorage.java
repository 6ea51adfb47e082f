package io.jimagecuda.internal.cuda;

import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;

/** Device memory from the backend's stream-ordered pool; {@link #ptr()} is a {@code CUdeviceptr}. */
public final class CudaStorage implements Storage {
  private final CudaBackend backend;
  private final PixelFormat format;
  private final long capacity;
  private final long bytes;
  private long ptr;

  CudaStorage(CudaBackend backend, PixelFormat format, long capacity, long ptr, long bytes) {
    this.backend = backend;
    this.format = format;
    this.capacity = capacity;
    this.ptr = ptr;
    this.bytes = bytes;
  }

  @Override
  public PixelFormat format() {
    return format;
  }

  @Override
  public long capacityPixels() {
    return capacity;
  }

  /** The device address. */
  public long ptr() {
    return ptr;
  }

  /** Allocated bytes. */
  public long bytes() {
    return bytes;
  }

  @Override
  public synchronized void free() {
    if (ptr != 0) {
      long p = ptr;
      ptr = 0;
      backend.release(p);
    }
  }
}
