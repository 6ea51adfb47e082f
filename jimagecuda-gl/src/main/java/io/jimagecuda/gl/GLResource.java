package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.CudaException;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.internal.HostStaging;
import io.jimagecuda.internal.Check;
import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.CudaStorage;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;
import org.lwjgl.opengl.GL32;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Writes images into an OpenGL pixel buffer object (PBO), from which OpenGL uploads a texture with
 * {@code glTexSubImage2D}: the Java form of PyImageCUDA's {@code GLResource}.
 *
 * <pre>{@code
 * GlEnvironment.prepare();              // before glfwInit() or any EGL call
 * // ... create the window and context, then the PBO of w * h * 4 bytes:
 * int pbo = glGenBuffers();
 * glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
 * glBufferData(GL_PIXEL_UNPACK_BUFFER, (long) w * h * 4, GL_STREAM_DRAW);
 * glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
 * try (GLResource res = new GLResource(pbo)) {
 *   res.copyFrom(frameU8);               // every frame; then glTexSubImage2D from the bound PBO
 * }                                      // free before glDeleteBuffers(pbo)
 * }</pre>
 *
 * <p><b>Paths.</b> {@link PresentPath#CUDA_MAPPED_PBO}: the buffer is registered with CUDA once and
 * written on the GPU. {@link PresentPath#CPU_UPLOAD}: the image goes through host memory and
 * {@code glBufferSubData}, so the same program runs without CUDA (Mesa, AMD, Intel, remote sessions). The
 * one-argument constructor chooses: CUDA when the default backend is CUDA and the OpenGL context runs on
 * that CUDA device, else the CPU path; {@link #path()} and {@link #pathReason()} say which and why.
 *
 * <p><b>Layout.</b> Rows are copied tightly packed, top row first. OpenGL takes the first row as the
 * bottom of the texture, so draw with the texture's y coordinate flipped (as the seed's quad does).
 *
 * <p><b>Ordering.</b> On the CUDA path the work is enqueued on the library's CUDA stream, ordered after
 * earlier operations on the images. Mapping waits for OpenGL work already issued on the buffer, and
 * unmapping makes OpenGL commands issued afterwards (the {@code glTexSubImage2D}) wait for the copy: a
 * frame drawn in the same context after {@code copyFrom(image, false)} is complete and correct.
 * {@code sync = true} (the default, as in PyImageCUDA) also blocks the calling thread until the stream
 * has finished the copy; PyImageCUDA synchronised the whole device instead. On the CPU path the data is
 * in OpenGL's hands when {@code copyFrom} returns, whatever {@code sync} says.
 *
 * <p><b>Threads and lifetime.</b> Use a resource on the thread where its OpenGL context is current. Free
 * it before deleting the buffer or the context: a freed resource throws {@link IllegalStateException},
 * and a buffer deleted while registered is reported as such. There is no finaliser: unregistering needs
 * the OpenGL context, which a collector thread does not have, so an unfreed resource keeps its
 * registration until the CUDA context ends.
 */
public final class GLResource implements AutoCloseable {
  private final int pboId;
  private final PresentPath path;
  private final String pathReason;
  private final Writer writer;
  private boolean freed;

  /**
   * Prepares the buffer {@code pboId} of the OpenGL context current on this thread, choosing the path
   * automatically (see the class description).
   *
   * @param pboId a buffer name from {@code glGenBuffers()} with storage ({@code glBufferData})
   * @throws IllegalArgumentException if {@code pboId <= 0} or is not a buffer with storage in the current context
   * @throws IllegalStateException if no OpenGL context is current on this thread
   * @throws CudaException if CUDA-OpenGL registration fails; the message names the CUDA error and what
   *     to check (for error 219 whether the NVIDIA name trap is the cause, see {@link GlEnvironment})
   */
  public GLResource(int pboId) {
    this(pboId, null);
  }

  /**
   * Like {@link #GLResource(int)}, on the given path.
   *
   * @param pboId a buffer name from {@code glGenBuffers()} with storage ({@code glBufferData})
   * @param path {@link PresentPath#CUDA_MAPPED_PBO} (registers the buffer with CUDA, failing if it cannot)
   *     or {@link PresentPath#CPU_UPLOAD}; {@code null} chooses automatically
   * @throws BackendUnavailableException if the CUDA path is asked for and CUDA cannot run here
   */
  public GLResource(int pboId, @Nullable PresentPath path) {
    if (pboId <= 0) {
      throw new IllegalArgumentException("GLResource: invalid PBO id " + pboId
          + ": expected a positive buffer name from glGenBuffers()");
    }
    if (path == PresentPath.VULKAN_SHARED_TEXTURE || path == PresentPath.CUDA_EXPORTED_BUFFER
        || path == PresentPath.CUDA_MAPPED_TEXTURE) {
      throw new IllegalArgumentException("GLResource writes a pixel buffer object: " + path
          + " presents without one; use Presenter.create(width, height, PresentPath." + path + ")");
    }
    requireContext("new GLResource");
    GlCheck.clear();
    long size = bufferSize("new GLResource", pboId);
    this.pboId = pboId;
    String reason;
    if (path == null) {
      reason = cudaPathUnavailable();
      path = reason == null ? PresentPath.CUDA_MAPPED_PBO : PresentPath.CPU_UPLOAD;
      if (reason == null) {
        reason = "chosen: the OpenGL context runs on the CUDA backend's GPU";
      }
    } else {
      reason = "requested";
      if (path == PresentPath.CUDA_MAPPED_PBO && !JImageCuda.isCudaAvailable()) {
        throw new BackendUnavailableException("GLResource: the CUDA path was requested but "
            + JImageCuda.cudaStatus());
      }
    }
    this.path = path;
    this.pathReason = reason;
    this.writer = path == PresentPath.CUDA_MAPPED_PBO ? new CudaMapped(pboId) : new CpuUpload();
    Config.log("GL: " + this + " on " + size + " bytes (" + reason + ")");
  }

  /**
   * Why the CUDA path cannot be used with the current context, or {@code null} when it can. Throws when
   * CUDA should work here but the driver refuses (the name trap shows up in cuGLGetDevices already).
   */
  private static @Nullable String cudaPathUnavailable() {
    if (!JImageCuda.isCudaAvailable()) {
      return "CPU path: " + JImageCuda.cudaStatus();
    }
    if (JImageCuda.defaultBackend() != BackendKind.CUDA) {
      return "CPU path: the default backend is " + JImageCuda.defaultBackend().id();
    }
    String vendor = GL11.glGetString(GL11.GL_VENDOR);
    if (vendor == null || !vendor.toUpperCase(java.util.Locale.ROOT).contains("NVIDIA")) {
      return "CPU path: OpenGL runs on " + vendor + " " + GL11.glGetString(GL11.GL_RENDERER)
          + ", not on an NVIDIA GPU";
    }
    CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    cuda.makeCurrent();
    if (!CU.has(CU.Functions.cuGLGetDevices) || !CU.has(CU.Functions.cuGraphicsGLRegisterBuffer)) {
      return "CPU path: this CUDA driver has no OpenGL interop";
    }
    try (MemoryStack stack = MemoryStack.stackPush()) {
      int max = 16;
      long count = stack.nmalloc(4, 4);
      long devices = stack.nmalloc(4, 4 * max);
      int r = CU.ncuGLGetDevices(count, devices, max, CU.CU_GL_DEVICE_LIST_ALL);
      if (r != CU.CUDA_SUCCESS) {
        CudaCall.check("cuGLGetDevices", r, GlEnvironment.interopAdvice(r));
      }
      StringBuilder list = new StringBuilder();
      for (int i = 0, n = MemoryUtil.memGetInt(count); i < n; i++) {
        int d = MemoryUtil.memGetInt(devices + 4L * i);
        if (d == cuda.device()) {
          return null;
        }
        list.append(list.length() == 0 ? "" : ", ").append(d);
      }
      return "CPU path: the OpenGL context runs on CUDA device(s) [" + list + "], the CUDA backend on device "
          + cuda.device() + " (set jimagecuda.cuda.device to use the same GPU)";
    }
  }

  /**
   * Copies an 8-bit image into the buffer and waits for the copy ({@code sync = true}).
   *
   * @param image the frame; not changed
   */
  public void copyFrom(ImageU8 image) {
    copyFrom(image, true);
  }

  /**
   * Copies the logical area of {@code image} ({@code width·height·4} bytes, top row first) to the start
   * of the buffer.
   *
   * @param image the frame; not changed
   * @param sync whether to wait until the copy has finished (see the class description on ordering)
   * @throws IllegalStateException if this resource or the image was freed, or the buffer was deleted
   * @throws IllegalArgumentException if the image needs more bytes than the buffer has, or (CUDA path)
   *     it is not a CUDA image
   * @throws CudaException if mapping, copying or unmapping fails
   */
  @SuppressWarnings("try") // the hold is kept for the block, not referenced in it
  public void copyFrom(ImageU8 image, boolean sync) {
    checkUsable("GLResource.copyFrom", image);
    try (ImageAccess.Hold h = ImageAccess.hold("GLResource.copyFrom", image)) { // free() elsewhere waits for us
      writer.write(image, sync);
    }
  }

  /**
   * Converts a float image into the buffer and waits for it ({@code sync = true}).
   *
   * @param image the frame; not changed
   */
  public void copyFrom(Image image) {
    copyFrom(image, true);
  }

  /**
   * Converts {@code image} to 8 bits straight into the buffer, with the rounding of
   * {@link Images#convertFloatToU8}: on the CUDA path one kernel writes the mapped buffer, with no 8-bit
   * image in between. Otherwise as {@link #copyFrom(ImageU8, boolean)}.
   *
   * @param image the frame; not changed
   * @param sync whether to wait until the conversion has finished
   */
  @SuppressWarnings("try") // the hold is kept for the block, not referenced in it
  public void copyFrom(Image image, boolean sync) {
    checkUsable("GLResource.copyFrom", image);
    try (ImageAccess.Hold h = ImageAccess.hold("GLResource.copyFrom", image)) { // free() elsewhere waits for us
      writer.write(image, sync);
    }
  }

  private void checkUsable(String op, ImageBase image) {
    if (freed) {
      throw new IllegalStateException(op + ": the resource has been freed (" + this + ")");
    }
    Check.usable(op, "image", image);
    requireContext(op);
    if (!GL15.glIsBuffer(pboId)) {
      throw new IllegalStateException(op + ": PBO " + pboId + " no longer exists in the current OpenGL context "
          + "(deleted, or its context was destroyed or is not current). Free the GLResource first, then "
          + "delete the buffer and the context");
    }
  }

  /** {@return the OpenGL buffer name} */
  public int pboId() {
    return pboId;
  }

  /** {@return the path this resource writes the buffer by} */
  public PresentPath path() {
    return path;
  }

  /** {@return why {@link #path()} was chosen, in one sentence for people} */
  public String pathReason() {
    return pathReason;
  }

  /** {@return whether {@link #free()} has been called} */
  public boolean isFreed() {
    return freed;
  }

  /**
   * Unregisters the buffer from CUDA (CUDA path) and releases the host staging memory (CPU path). Call
   * it with the OpenGL context current and before deleting the buffer. Calling it again does nothing.
   *
   * @throws IllegalStateException if the buffer had already been deleted (the resource is freed anyway)
   * @throws CudaException if CUDA refuses to unregister (the resource is marked freed anyway)
   */
  public void free() {
    if (freed) {
      return;
    }
    freed = true;
    boolean bufferGone = contextCurrent() && !GL15.glIsBuffer(pboId);
    writer.free();
    if (bufferGone) {
      throw new IllegalStateException("GLResource.free: PBO " + pboId + " was deleted (or its context "
          + "destroyed) before the GLResource was freed; its CUDA registration has been released now. Free "
          + "the GLResource first, then delete the buffer");
    }
  }

  /** Same as {@link #free()}. */
  @Override
  public void close() {
    free();
  }

  @Override
  public String toString() {
    return "GLResource(pbo " + pboId + ", " + (freed ? "freed" : "active") + ", " + path + ")";
  }

  // ---------------------------------------------------------------- helpers

  private static boolean contextCurrent() {
    try {
      GL.getCapabilities();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void requireContext(String op) {
    if (!contextCurrent()) {
      throw new IllegalStateException(op + ": no OpenGL context is current on this thread. Make the context "
          + "current first (GLFW: glfwMakeContextCurrent(window) and GL.createCapabilities(); "
          + "EglContext/GlfwContext: makeCurrent())");
    }
  }

  /** The size of buffer {@code pbo}'s storage, leaving the unpack binding as it was. */
  private static long bufferSize(String op, int pbo) {
    if (!GL15.glIsBuffer(pbo)) {
      throw new IllegalArgumentException(op + ": " + pbo + " is not a buffer of the current OpenGL context: "
          + "create it with glGenBuffers(), bind it and give it storage with glBufferData()");
    }
    int previous = GL11.glGetInteger(GL21.GL_PIXEL_UNPACK_BUFFER_BINDING);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
    long size = boundUnpackBufferSize();
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, previous);
    GlCheck.check(op + ": querying the size of PBO " + pbo);
    if (size <= 0) {
      throw new IllegalArgumentException(op + ": PBO " + pbo + " has no storage: call glBufferData(target, "
          + "width * height * 4, GL_STREAM_DRAW) before creating the GLResource");
    }
    return size;
  }

  /** {@code GL_BUFFER_SIZE} of the buffer bound to {@code GL_PIXEL_UNPACK_BUFFER}, 64-bit where GL 3.2 has it. */
  private static long boundUnpackBufferSize() {
    return GL.getCapabilities().OpenGL32
        ? GL32.glGetBufferParameteri64(GL21.GL_PIXEL_UNPACK_BUFFER, GL15.GL_BUFFER_SIZE)
        : GL15.glGetBufferParameteri(GL21.GL_PIXEL_UNPACK_BUFFER, GL15.GL_BUFFER_SIZE) & 0xFFFFFFFFL;
  }

  private IllegalArgumentException tooSmall(ImageBase image, long bufferBytes) {
    long need = (long) image.width() * image.height() * 4;
    return new IllegalArgumentException(String.format("GLResource.copyFrom: the %dx%d image needs %d bytes "
        + "(width * height * 4) but PBO %d has %d bytes; create the PBO with glBufferData of at least %d bytes",
        image.width(), image.height(), need, pboId, bufferBytes, need));
  }

  /** One way of writing the buffer. */
  private interface Writer {
    void write(ImageU8 image, boolean sync);

    void write(Image image, boolean sync);

    void free();
  }

  /** The CUDA path: registered once, mapped per frame on the library's stream. */
  private final class CudaMapped implements Writer {
    private final CudaBackend cuda;
    /** Native block: [0] the CUgraphicsResource, [8] the mapped pointer, [16] the mapped size. */
    private final long block;

    CudaMapped(int pbo) {
      cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
      cuda.makeCurrent();
      block = MemoryUtil.nmemCalloc(1, 24);
      int r = CU.has(CU.Functions.cuGraphicsGLRegisterBuffer)
          ? CU.ncuGraphicsGLRegisterBuffer(block, pbo, CU.CU_GRAPHICS_REGISTER_FLAGS_WRITE_DISCARD)
          : 500; // CUDA_ERROR_NOT_FOUND: the driver library lacks OpenGL interop
      if (r != CU.CUDA_SUCCESS) {
        MemoryUtil.nmemFree(block);
        CudaCall.check("cuGraphicsGLRegisterBuffer(pbo " + pbo + ")", r, GlEnvironment.interopAdvice(r));
      }
    }

    /** Maps the buffer and returns its device pointer, checking that {@code image} fits. */
    private long map(ImageBase image) {
      if (image.backend() != BackendKind.CUDA) {
        throw new IllegalArgumentException("GLResource.copyFrom: the image is on the " + image.backend().id()
            + " backend but PBO " + pboId + " is written by CUDA (" + PresentPath.CUDA_MAPPED_PBO + "); use a CUDA "
            + "image, or create the GLResource with PresentPath.CPU_UPLOAD");
      }
      cuda.makeCurrent();
      CudaCall.check("cuGraphicsMapResources(pbo " + pboId + ")", CU.ncuGraphicsMapResources(1, block, cuda.stream()),
          "the OpenGL context must be current on this thread; the buffer must not be mapped by OpenGL");
      try {
        int r = CU.ncuGraphicsResourceGetMappedPointer(block + 8, block + 16, MemoryUtil.memGetAddress(block));
        CudaCall.check("cuGraphicsResourceGetMappedPointer(pbo " + pboId + ")", r);
        long size = MemoryUtil.memGetLong(block + 16);
        if ((long) image.width() * image.height() * 4 > size) {
          throw tooSmall(image, size);
        }
        return MemoryUtil.memGetLong(block + 8);
      } catch (RuntimeException e) {
        unmap(e);
        throw e;
      }
    }

    /** Unmaps; if {@code pending} is already being thrown, a failure is added to it instead. */
    private void unmap(@Nullable RuntimeException pending) {
      int r = CU.ncuGraphicsUnmapResources(1, block, cuda.stream());
      if (r != CU.CUDA_SUCCESS) {
        CudaException e = new CudaException("cuGraphicsUnmapResources", r, CudaCall.errorName(r),
            CudaCall.message("cuGraphicsUnmapResources(pbo " + pboId + ")", r, null));
        if (pending == null) {
          throw e;
        }
        pending.addSuppressed(e);
      }
    }

    private void finish(boolean sync) {
      if (sync) {
        CudaCall.check("cuStreamSynchronize(GLResource.copyFrom)", CU.ncuStreamSynchronize(cuda.stream()));
      }
    }

    @Override
    public void write(ImageU8 image, boolean sync) {
      long dst = map(image);
      try {
        long src = ((CudaStorage) ImageAccess.storage(image)).ptr();
        CudaCall.check("cuMemcpyDtoDAsync(image -> pbo " + pboId + ")",
            CU.ncuMemcpyDtoDAsync(dst, src, image.byteSize(), cuda.stream()));
      } catch (RuntimeException e) {
        unmap(e);
        throw e;
      }
      unmap(null);
      finish(sync);
    }

    @Override
    public void write(Image image, boolean sync) {
      long dst = map(image);
      try {
        cuda.kernel("convert_float_to_u8", image.width(), image.height()).ptr(dst)
            .ptr(ImageAccess.storage(image)).i32(image.width()).i32(image.height()).launch();
      } catch (RuntimeException e) {
        unmap(e);
        throw e;
      }
      unmap(null);
      finish(sync);
    }

    @Override
    public void free() {
      cuda.makeCurrent();
      int r = CU.ncuGraphicsUnregisterResource(MemoryUtil.memGetAddress(block));
      MemoryUtil.nmemFree(block);
      CudaCall.check("cuGraphicsUnregisterResource(pbo " + pboId + ")", r,
          "free the GLResource while its OpenGL context is current, before deleting the buffer or the context");
    }
  }

  /** The CPU path: through host memory and glBufferSubData. */
  private final class CpuUpload implements Writer {
    private final HostStaging staging = new HostStaging();
    /** 8-bit scratch image for float frames, on the frame's backend; made on first use. */
    private @Nullable ImageU8 scratch;

    @Override
    public void write(ImageU8 image, boolean sync) {
      upload(image);
    }

    @Override
    public void write(Image image, boolean sync) {
      if (scratch == null || scratch.backend() != image.backend() || scratch.capacity() < image.pixels()) {
        if (scratch != null) {
          scratch.free();
        }
        scratch = new ImageU8(image.width(), image.height(), image.backend());
      }
      Images.convertFloatToU8(scratch, image);
      upload(scratch);
    }

    private void upload(ImageU8 image) {
      int previous = GL11.glGetInteger(GL21.GL_PIXEL_UNPACK_BUFFER_BINDING);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pboId);
      try {
        long size = boundUnpackBufferSize();
        if (image.byteSize() > size) {
          throw tooSmall(image, size);
        }
        ByteBuffer host = staging.buffer(image.byteSize());
        Images.download(image, host);
        GL15.glBufferSubData(GL21.GL_PIXEL_UNPACK_BUFFER, 0L, host);
      } finally {
        GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, previous);
      }
      GlCheck.check("GLResource.copyFrom: glBufferSubData into PBO " + pboId,
          "the buffer must not be mapped by OpenGL while it is written");
    }

    @Override
    public void free() {
      if (scratch != null) {
        scratch.free();
        scratch = null;
      }
      staging.free();
    }
  }
}
