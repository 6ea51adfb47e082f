package io.jimagecuda.gl.internal;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.cuda.CudaStorage;

/** Validation shared by the presenters: the frame's size, its freed state, and its backend. */
public final class PresentFrames {
  private PresentFrames() {
  }

  /**
   * Checks a frame for a presenter of {@code width × height} that needs {@code backend} images (or any
   * backend when {@code null}).
   */
  public static void check(String op, ImageBase frame, int width, int height, BackendKind backend) {
    Check.usable(op, "frame", frame);
    if (frame.width() != width || frame.height() != height) {
      throw new IllegalArgumentException(op + ": the frame is " + frame.width() + "x" + frame.height()
          + " but the presenter shows " + width + "x" + height);
    }
    if (backend != null && frame.backend() != backend) {
      throw new IllegalArgumentException(op + ": this present path needs " + backend.id()
          + " images, the frame is on the " + frame.backend().id() + " backend");
    }
  }

  /** The device address of a CUDA frame. */
  public static long ptr(ImageBase frame) {
    return ((CudaStorage) ImageAccess.storage(frame)).ptr();
  }

  /** Whether the frame is 8-bit (else float). */
  public static boolean isU8(ImageBase frame) {
    return frame instanceof ImageU8;
  }
}
