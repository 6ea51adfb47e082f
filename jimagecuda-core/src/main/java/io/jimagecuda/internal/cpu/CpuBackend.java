package io.jimagecuda.internal.cpu;

import io.jimagecuda.BackendKind;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The pure-Java backend: heap arrays and row loops on its own thread pool. The reference for CUDA. */
public final class CpuBackend implements Backend {
  private final Rows rows;
  private final CpuFill fill;
  private final CpuConvert convert;
  private final CpuAdjust adjust;
  private final CpuBlend blend;
  private final CpuResize resize;
  private final CpuTransform transform;
  private final CpuEffect effect;
  private final CpuFilter filter;
  private final CpuText text;

  /** Creates the backend with {@code threads} worker threads. */
  public CpuBackend(int threads) {
    this.rows = new Rows(threads);
    this.fill = new CpuFill(rows);
    this.convert = new CpuConvert(rows);
    this.adjust = new CpuAdjust(rows);
    this.blend = new CpuBlend(rows);
    this.resize = new CpuResize(rows);
    this.transform = new CpuTransform(rows);
    this.effect = new CpuEffect(rows);
    this.filter = new CpuFilter(rows);
    this.text = new CpuText(rows);
  }

  @Override
  public BackendKind kind() {
    return BackendKind.CPU;
  }

  @Override
  public String describe() {
    return "CPU backend: pure Java, " + rows.threads() + " thread(s), " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.version");
  }

  @Override
  public Storage allocate(PixelFormat format, long pixels) {
    return new CpuStorage(format, pixels);
  }

  private static CpuStorage cpu(Storage s) {
    return (CpuStorage) s;
  }

  @Override
  public void uploadFloats(Storage dst, float[] src, int offset, int count) {
    System.arraycopy(src, offset, cpu(dst).floats, 0, count);
  }

  @Override
  public void downloadFloats(Storage src, float[] dst, int offset, int count) {
    System.arraycopy(cpu(src).floats, 0, dst, offset, count);
  }

  @Override
  public void uploadBytes(Storage dst, byte[] src, int offset, int count) {
    CpuStorage d = cpu(dst);
    if (d.bytes != null) {
      System.arraycopy(src, offset, d.bytes, 0, count);
    } else {
      ByteBuffer.wrap(src, offset, count).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
          .get(d.floats, 0, count / 4);
    }
  }

  @Override
  public void downloadBytes(Storage src, long srcOffset, byte[] dst, int offset, int count) {
    CpuStorage s = cpu(src);
    if (s.bytes != null) {
      System.arraycopy(s.bytes, Math.toIntExact(srcOffset), dst, offset, count);
    } else {
      ByteBuffer.wrap(dst, offset, count).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
          .put(s.floats, Math.toIntExact(srcOffset / 4), count / 4);
    }
  }

  @Override
  public void uploadBuffer(Storage dst, ByteBuffer src) {
    CpuStorage d = cpu(dst);
    ByteBuffer b = src.duplicate();
    if (d.bytes != null) {
      b.get(d.bytes, 0, b.remaining());
    } else {
      b.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(d.floats, 0, b.remaining() / 4);
    }
  }

  @Override
  public void downloadBuffer(Storage src, ByteBuffer dst) {
    CpuStorage s = cpu(src);
    ByteBuffer b = dst.duplicate();
    if (s.bytes != null) {
      b.put(s.bytes, 0, b.remaining());
    } else {
      b.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(s.floats, 0, b.remaining() / 4);
    }
  }

  @Override
  public void copy(Storage dst, Storage src, long bytes) {
    CpuStorage d = cpu(dst);
    CpuStorage s = cpu(src);
    if (s.bytes != null) {
      System.arraycopy(s.bytes, 0, d.bytes, 0, (int) bytes);
    } else {
      System.arraycopy(s.floats, 0, d.floats, 0, (int) (bytes / 4));
    }
  }

  @Override
  public void synchronize() {
    // Every CPU operation has finished when it returns.
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
