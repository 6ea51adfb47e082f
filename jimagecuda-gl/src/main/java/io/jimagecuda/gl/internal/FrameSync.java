package io.jimagecuda.gl.internal;

import io.jimagecuda.gl.GlException;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.opengl.GL32;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Hand-offs between CUDA and OpenGL for memory both can see without mapping (the external-memory
 * present paths), one per ring slot:
 * <ul>
 *   <li>CUDA → GL: {@link #cudaDone()} records an event after the frame's kernel on the library's stream
 *       and waits for it; OpenGL commands issued afterwards see the frame (measured: about 2 µs).</li>
 *   <li>GL → CUDA: {@link #glDone(int)} fences the GL commands that read a slot; {@link #awaitGl(int)}
 *       waits for that fence before CUDA overwrites the slot. With two slots the fence is a frame old and
 *       normally already signalled, so CUDA fills frame k+1 while GL still uses frame k.</li>
 * </ul>
 */
public final class FrameSync implements AutoCloseable {
  private static final long FENCE_TIMEOUT_NS = 5_000_000_000L;

  private final CudaBackend cuda;
  private final long event;
  private final long[] fences;

  /** Creates the event and room for one fence per slot. */
  public FrameSync(CudaBackend cuda, int slots) {
    this.cuda = cuda;
    this.fences = new long[slots];
    cuda.makeCurrent();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuEventCreate", CU.ncuEventCreate(p, CU.CU_EVENT_DISABLE_TIMING));
      event = MemoryUtil.memGetAddress(p);
    }
  }

  /** Waits until OpenGL no longer reads {@code slot} (its last fence); returns at once if none. */
  public void awaitGl(int slot) {
    long fence = fences[slot];
    if (fence == 0) {
      return;
    }
    // Poll first, without flushing: a flush would submit the GL commands queued since (a fence, a
    // draw) and make the GPU switch from compute to graphics and back before CUDA's write (measured:
    // +0.3 ms per frame). Only a fence not yet signalled is waited for, with a flush so it can signal.
    int r = GL32.glClientWaitSync(fence, 0, 0L);
    if (r == GL32.GL_TIMEOUT_EXPIRED) {
      r = GL32.glClientWaitSync(fence, GL32.GL_SYNC_FLUSH_COMMANDS_BIT, FENCE_TIMEOUT_NS);
    }
    GL32.glDeleteSync(fence);
    fences[slot] = 0;
    if (r == GL32.GL_TIMEOUT_EXPIRED || r == GL32.GL_WAIT_FAILED) {
      throw new GlException(r == GL32.GL_WAIT_FAILED ? "GL_WAIT_FAILED" : "GL_TIMEOUT_EXPIRED",
          "Presenter: OpenGL did not finish with the previous frame within 5 s (glClientWaitSync): "
              + "is the context lost or the GPU hung?");
    }
  }

  /** Fences the OpenGL commands issued so far, which are the last to read {@code slot}. */
  public void glDone(int slot) {
    if (fences[slot] != 0) {
      GL32.glDeleteSync(fences[slot]);
    }
    fences[slot] = GL32.glFenceSync(GL32.GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    GlCheck.check("Presenter: glFenceSync");
  }

  /** Waits until the CUDA work enqueued so far (the frame's write) has finished. */
  public void cudaDone() {
    CudaCall.check("cuEventRecord(present)", CU.ncuEventRecord(event, cuda.stream()));
    CudaCall.check("cuEventSynchronize(present)", CU.ncuEventSynchronize(event));
  }

  /** Deletes the fences and the event. */
  @Override
  public void close() {
    for (int i = 0; i < fences.length; i++) {
      if (fences[i] != 0) {
        GL32.glDeleteSync(fences[i]);
        fences[i] = 0;
      }
    }
    cuda.makeCurrent();
    CudaCall.check("cuEventDestroy", CU.ncuEventDestroy(event));
  }
}
