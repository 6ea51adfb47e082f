package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.interop.GlMemoryImport;
import io.jimagecuda.gl.internal.FrameSync;
import io.jimagecuda.gl.internal.PresentFrames;
import io.jimagecuda.gl.vulkan.VulkanSharedImage;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.interop.ExternalMemory;

/**
 * {@link PresentPath#VULKAN_SHARED_TEXTURE}: zero copy. Two RGBA8 images owned by Vulkan are imported by
 * CUDA (as surfaces) and by OpenGL (as textures). Each frame the last kernel writes the next image with
 * surface stores, an event hands it to OpenGL, and {@link #texture()} names it: no map, no copy, no GL
 * upload. A fence per image keeps CUDA from writing an image OpenGL may still draw.
 */
final class SharedTexturePresenter implements Presenter {
  private static final int SLOTS = 2;

  private final int width;
  private final int height;
  private final CudaBackend cuda;
  private final VulkanSharedImage[] images = new VulkanSharedImage[SLOTS];
  private final ExternalMemory[] imports = new ExternalMemory[SLOTS];
  private final long[] surfaces = new long[SLOTS];
  private final GlMemoryImport[] textures = new GlMemoryImport[SLOTS];
  private final FrameSync sync;
  private int current = -1;
  private boolean closed;

  SharedTexturePresenter(int width, int height) {
    this.width = width;
    this.height = height;
    this.cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    try {
      byte[] uuid = cuda.uuid();
      GlMemoryImport.requireSameGpu(uuid);
      for (int i = 0; i < SLOTS; i++) {
        images[i] = VulkanSharedImage.create(uuid, width, height);
        imports[i] = ExternalMemory.importFd(cuda, images[i].exportFd(), images[i].memorySize(), true);
        surfaces[i] = imports[i].mapSurfaceRgba8(width, height);
        textures[i] = GlMemoryImport.texture(images[i].exportFd(), images[i].memorySize(), width, height);
      }
      sync = new FrameSync(cuda, SLOTS);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  @Override
  public PresentPath path() {
    return PresentPath.VULKAN_SHARED_TEXTURE;
  }

  @Override
  public String pathReason() {
    return "Vulkan-owned textures written by CUDA surface stores and drawn by OpenGL: zero copy";
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void present(ImageU8 frame) {
    write(frame, "present_u8_to_surface");
  }

  @Override
  public void present(Image frame) {
    write(frame, "present_float_to_surface");
  }

  private void write(ImageBase frame, String kernel) {
    if (closed) {
      throw new IllegalStateException("Presenter.present: the presenter was closed");
    }
    PresentFrames.check("Presenter.present", frame, width, height, BackendKind.CUDA);
    int slot = (current + 1) % SLOTS;
    if (current >= 0) {
      sync.glDone(current); // the GL commands issued so far are the last to draw the current texture
    }
    sync.awaitGl(slot);
    cuda.kernel(kernel, width, height).ptr(surfaces[slot]).ptr(PresentFrames.ptr(frame)).i32(width).i32(height)
        .i32(0).launch();
    sync.cudaDone();
    current = slot;
  }

  /** The texture of the last presented frame (it alternates between two textures). */
  @Override
  public int texture() {
    if (closed) {
      throw new IllegalStateException("Presenter.texture: the presenter was closed");
    }
    return textures[Math.max(current, 0)].name();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sync.close();
    } finally {
      release();
    }
  }

  private void release() {
    for (int i = 0; i < SLOTS; i++) {
      if (textures[i] != null) {
        textures[i].close();
      }
      if (imports[i] != null) {
        imports[i].free();
      }
      if (images[i] != null) {
        images[i].close();
      }
    }
  }

  @Override
  public String toString() {
    return "Presenter(" + width + "x" + height + ", " + path() + (closed ? ", closed" : "") + ")";
  }
}
