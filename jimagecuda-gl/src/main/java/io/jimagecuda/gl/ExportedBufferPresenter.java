package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.interop.GlMemoryImport;
import io.jimagecuda.gl.internal.FrameSync;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.internal.Textures;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import io.jimagecuda.internal.cuda.interop.ExportableMemory;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;

/**
 * {@link PresentPath#CUDA_EXPORTED_BUFFER}: a ring of pixel buffers allocated by CUDA, exported as file
 * descriptors and imported by OpenGL once. Each frame CUDA writes the next buffer, an event hands it to
 * OpenGL (no map/unmap), and OpenGL uploads it into the texture; a fence per buffer keeps CUDA from
 * overwriting a buffer OpenGL still reads, so CUDA fills frame k+1 while OpenGL uploads frame k.
 */
final class ExportedBufferPresenter extends AbstractPresenter {
  private static final int SLOTS = 2;

  private final CudaBackend cuda;
  private final ExportableMemory[] memory = new ExportableMemory[SLOTS];
  private final GlMemoryImport[] buffers = new GlMemoryImport[SLOTS];
  private final FrameSync sync;
  private final int texture;
  private int next;

  ExportedBufferPresenter(int width, int height) {
    super(width, height, BackendKind.CUDA);
    this.cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    long bytes = (long) width * height * 4;
    GlMemoryImport.requireSameGpu(cuda.uuid());
    FrameSync s = null;
    int tex = 0;
    try {
      for (int i = 0; i < SLOTS; i++) {
        memory[i] = ExportableMemory.allocate(cuda, bytes);
        buffers[i] = GlMemoryImport.buffer(memory[i].exportFd(), memory[i].size());
      }
      s = new FrameSync(cuda, SLOTS);
      tex = Textures.rgba8(width, height);
    } catch (RuntimeException e) {
      if (s != null) {
        s.close();
      }
      releaseRing();
      throw e;
    }
    sync = s;
    texture = tex;
  }

  /** Whether this path can work in the current context: VMM export in CUDA and memory import in GL. */
  static boolean supported() {
    return ExportableMemory.supported() && GlMemoryImport.supported();
  }

  @Override
  public PresentPath path() {
    return PresentPath.CUDA_EXPORTED_BUFFER;
  }

  @Override
  public String pathReason() {
    return "CUDA-allocated buffers imported into OpenGL (GL_EXT_memory_object_fd): no map/unmap per frame";
  }

  @Override
  void write(ImageBase frame) {
    int slot = next;
    next = (next + 1) % SLOTS;
    sync.awaitGl(slot);
    long dst = memory[slot].ptr();
    if (frame instanceof ImageU8) {
      CudaCall.check("cuMemcpyDtoDAsync(frame -> exported buffer)",
          CU.ncuMemcpyDtoDAsync(dst, ptr(frame), frame.byteSize(), cuda.stream()));
    } else {
      cuda.kernel("convert_float_to_u8", width, height).ptr(dst).ptr(ptr(frame)).i32(width)
          .i32(height).launch();
    }
    sync.cudaDone();
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, buffers[slot].name());
    GL11.glPixelStorei(GL11.GL_UNPACK_ALIGNMENT, 1);
    GL11.glPixelStorei(GL11.GL_UNPACK_ROW_LENGTH, 0);
    GL11.glTexSubImage2D(GL11.GL_TEXTURE_2D, 0, 0, 0, width, height, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 0L);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    sync.glDone(slot);
    GlCheck.check("Presenter.present: glTexSubImage2D from the exported buffer");
  }

  @Override
  public int texture() {
    return texture;
  }

  @Override
  void release() {
    try {
      sync.close();
    } finally {
      GL11.glDeleteTextures(texture);
      releaseRing();
    }
  }

  private void releaseRing() {
    for (int i = 0; i < SLOTS; i++) {
      if (buffers[i] != null) {
        buffers[i].close();
      }
      if (memory[i] != null) {
        memory[i].free();
      }
    }
  }
}
