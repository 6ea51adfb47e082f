package io.jimagecuda.internal.backend;

import io.jimagecuda.BackendKind;
import java.nio.ByteBuffer;

/**
 * What a compute backend provides: memory, host transfers, device copies and one {@code *Ops} object per
 * operation family. Arguments reach a backend already validated by the API layer ({@code Check}): sizes
 * are positive and within capacity, storages belong to this backend and are not freed, array and buffer
 * lengths match. Backends only compute.
 *
 * <p>Ordering: every operation is ordered after the previous ones issued to the same backend. Transfers
 * to the host return only when the data is there; other operations may still be running when they return
 * (CUDA) until {@link #synchronize()} or a download.
 */
public interface Backend {
  /** Which backend this is. */
  BackendKind kind();

  /** A one-line description: device name, memory, driver (CUDA) or threads (CPU). */
  String describe();

  /** Allocates zero-filled storage for {@code pixels} pixels of {@code format}. */
  Storage allocate(PixelFormat format, long pixels);

  /**
   * Allocates storage whose content is unspecified, for a result that an operation overwrites entirely
   * before anyone reads it (spares the device a clearing pass). By default the same as
   * {@link #allocate}.
   */
  default Storage allocateForOverwrite(PixelFormat format, long pixels) {
    return allocate(format, pixels);
  }

  /** Copies {@code count} floats from {@code src[offset..]} into the start of {@code dst} (F32). */
  void uploadFloats(Storage dst, float[] src, int offset, int count);

  /** Copies {@code count} floats from the start of {@code src} (F32) into {@code dst[offset..]}. */
  void downloadFloats(Storage src, float[] dst, int offset, int count);

  /** Copies {@code count} bytes from {@code src[offset..]} into the start of {@code dst} (any format, raw). */
  void uploadBytes(Storage dst, byte[] src, int offset, int count);

  /** Copies {@code count} bytes from the start of {@code src} (raw) into {@code dst[offset..]}. */
  default void downloadBytes(Storage src, byte[] dst, int offset, int count) {
    downloadBytes(src, 0, dst, offset, count);
  }

  /**
   * Copies {@code count} bytes from byte {@code srcOffset} of {@code src} (raw; a multiple of 4 for F32)
   * into {@code dst[offset..]}: part of an image, e.g. a strip of rows for a streaming encoder.
   */
  void downloadBytes(Storage src, long srcOffset, byte[] dst, int offset, int count);

  /** Copies {@code src.remaining()} raw bytes into the start of {@code dst}; src's position is unchanged. */
  void uploadBuffer(Storage dst, ByteBuffer src);

  /** Copies {@code dst.remaining()} raw bytes from the start of {@code src}; dst's position is unchanged. */
  void downloadBuffer(Storage src, ByteBuffer dst);

  /** Copies {@code bytes} bytes from the start of {@code src} to the start of {@code dst}, same format. */
  void copy(Storage dst, Storage src, long bytes);

  /** Blocks until every operation issued so far has finished, reporting deferred device errors. */
  void synchronize();

  /** Fill generators. */
  FillOps fill();

  /** Float ↔ 8-bit conversions. */
  ConvertOps convert();

  /** Colour adjustments. */
  AdjustOps adjust();

  /** Blend modes and the mask. */
  BlendOps blend();

  /** Resampling to a new size. */
  ResizeOps resize();

  /** Flip, rotate, crop and zoom. */
  TransformOps transform();

  /** Effects: rounded corners, vignette, stroke. */
  EffectOps effect();

  /** Filters: blur, sharpen, edges and the per-pixel tone filters. */
  FilterOps filter();

  /** Text: the coverage mask to RGBA conversion. */
  TextOps text();
}
