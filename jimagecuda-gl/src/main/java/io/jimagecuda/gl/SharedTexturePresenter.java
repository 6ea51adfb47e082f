package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Config;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.interop.GlMemoryImport;
import io.jimagecuda.gl.internal.FrameSync;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.vulkan.VulkanSemaphore;
import io.jimagecuda.gl.vulkan.VulkanSharedImage;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.interop.ExternalMemory;
import io.jimagecuda.internal.cuda.interop.ExternalSemaphore;
import org.jspecify.annotations.Nullable;
import org.lwjgl.opengl.EXTSemaphore;
import org.lwjgl.opengl.EXTSemaphoreFD;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.system.MemoryStack;

/**
 * {@link PresentPath#VULKAN_SHARED_TEXTURE}: zero copy. Two RGBA8 images owned by Vulkan are imported by
 * CUDA (as surfaces) and by OpenGL (as textures). Each frame one kernel writes the next image with
 * surface stores and {@link #texture()} names it: no map, no copy, no GL upload.
 *
 * <p><b>Hand-off.</b> Where Vulkan, CUDA and OpenGL can share semaphores ({@code
 * VK_KHR_external_semaphore_fd}, {@code GL_EXT_semaphore_fd}), the GPU orders the work and the CPU never
 * waits: per image, CUDA signals "ready" after its write and OpenGL waits for it before its next commands;
 * OpenGL signals "free" once it has issued its last draw of the image and CUDA waits for that before
 * writing it again. Otherwise (or with {@code jimagecuda.gl.semaphores=false}) a CUDA event wait and
 * OpenGL fences do the same on the CPU.
 */
final class SharedTexturePresenter extends AbstractPresenter {
  private static final int SLOTS = 2;

  private final CudaBackend cuda;
  private final VulkanSharedImage[] images = new VulkanSharedImage[SLOTS];
  private final ExternalMemory[] imports = new ExternalMemory[SLOTS];
  private final long[] surfaces = new long[SLOTS];
  private final GlMemoryImport[] textures = new GlMemoryImport[SLOTS];
  private final @Nullable Semaphores semaphores;
  private final @Nullable FrameSync sync;
  private int current = -1;

  SharedTexturePresenter(int width, int height) {
    super(width, height, BackendKind.CUDA);
    this.cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    Semaphores sem = null;
    FrameSync fs = null;
    try {
      byte[] uuid = cuda.uuid();
      GlMemoryImport.requireSameGpu(uuid);
      for (int i = 0; i < SLOTS; i++) {
        images[i] = VulkanSharedImage.create(uuid, width, height);
        imports[i] = ExternalMemory.importFd(cuda, images[i].exportFd(), images[i].memorySize(), true);
        surfaces[i] = imports[i].mapSurfaceRgba8(width, height);
        textures[i] = GlMemoryImport.texture(images[i].exportFd(), images[i].memorySize(), width, height);
      }
      if (Config.glSemaphores() && Semaphores.supported(uuid)) {
        sem = new Semaphores(cuda, uuid);
      } else {
        fs = new FrameSync(cuda, SLOTS);
      }
    } catch (RuntimeException e) {
      releaseImages();
      throw e;
    }
    semaphores = sem;
    sync = fs;
  }

  @Override
  public PresentPath path() {
    return PresentPath.VULKAN_SHARED_TEXTURE;
  }

  @Override
  public String pathReason() {
    return "Vulkan-owned textures written by CUDA surface stores and drawn by OpenGL: zero copy, "
        + (semaphores != null ? "GPU semaphores between CUDA and OpenGL" : "CPU hand-off (CUDA event, GL fences)");
  }

  @Override
  void write(ImageBase frame) {
    String kernel = frame instanceof ImageU8 ? "present_u8_to_surface" : "present_float_to_surface";
    int slot = (current + 1) % SLOTS;
    if (semaphores != null) {
      if (current >= 0) {
        semaphores.glReleases(current, textures[current].name()); // after the GL commands that drew it
      }
      semaphores.cudaAcquires(slot);
    } else {
      if (current >= 0) {
        sync.glDone(current); // the GL commands issued so far are the last to draw the current texture
      }
      sync.awaitGl(slot);
    }
    cuda.kernel(kernel, width, height).ptr(surfaces[slot]).ptr(ptr(frame)).i32(width).i32(height)
        .i32(0).launch();
    if (semaphores != null) {
      semaphores.cudaReleases(slot, textures[slot].name());
    } else {
      sync.cudaDone();
    }
    current = slot;
  }

  /** The texture of the last presented frame (it alternates between two textures). */
  @Override
  public int texture() {
    requireOpen("Presenter.texture");
    return textures[Math.max(current, 0)].name();
  }

  @Override
  void release() {
    try {
      GL11.glFinish(); // OpenGL's last draws and semaphore waits end before the memory goes
      if (semaphores != null) {
        semaphores.close();
      }
      if (sync != null) {
        sync.close();
      }
    } finally {
      releaseImages();
    }
  }

  private void releaseImages() {
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

  /**
   * Two binary semaphores per image, each shared by CUDA and OpenGL: {@code ready} (CUDA wrote the image,
   * OpenGL may sample it) and {@code free} (OpenGL issued its last draw of it, CUDA may write it). Every
   * signal is followed by exactly one wait.
   */
  private static final class Semaphores implements AutoCloseable {
    private final VulkanSemaphore[] owners = new VulkanSemaphore[2 * SLOTS];
    private final ExternalSemaphore[] cuda = new ExternalSemaphore[2 * SLOTS];
    private final int[] gl = new int[2 * SLOTS];
    private final boolean[] freeSignalled = new boolean[SLOTS];

    static boolean supported(byte[] uuid) {
      return GL.getCapabilities().GL_EXT_semaphore_fd && ExternalSemaphore.supported()
          && VulkanSemaphore.supported(uuid);
    }

    Semaphores(CudaBackend backend, byte[] uuid) {
      try {
        GlCheck.clear();
        for (int i = 0; i < owners.length; i++) {
          owners[i] = VulkanSemaphore.create(uuid);
          cuda[i] = ExternalSemaphore.importFd(backend, owners[i].exportFd());
          gl[i] = EXTSemaphore.glGenSemaphoresEXT();
          EXTSemaphoreFD.glImportSemaphoreFdEXT(gl[i], EXTSemaphoreFD.GL_HANDLE_TYPE_OPAQUE_FD_EXT, owners[i].exportFd());
        }
        GlCheck.check("importing semaphores into OpenGL (glImportSemaphoreFdEXT)");
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private static int ready(int slot) {
      return 2 * slot;
    }

    private static int free(int slot) {
      return 2 * slot + 1;
    }

    /** OpenGL has issued its last command that reads {@code texture}: signal "free" for CUDA. */
    void glReleases(int slot, int texture) {
      try (MemoryStack stack = MemoryStack.stackPush()) {
        EXTSemaphore.glSignalSemaphoreEXT(gl[free(slot)], stack.mallocInt(0), stack.ints(texture),
            stack.ints(EXTSemaphore.GL_LAYOUT_GENERAL_EXT));
      }
      GL11.glFlush(); // submit the signal before CUDA's wait for it is submitted
      GlCheck.check("Presenter.present: glSignalSemaphoreEXT");
      freeSignalled[slot] = true;
    }

    /** CUDA's write of {@code slot} waits until OpenGL has released it (never waits the first time). */
    void cudaAcquires(int slot) {
      if (freeSignalled[slot]) {
        cuda[free(slot)].await();
        freeSignalled[slot] = false;
      }
    }

    /** CUDA's write is enqueued: signal "ready" on the stream and make OpenGL's next commands wait for it. */
    void cudaReleases(int slot, int texture) {
      cuda[ready(slot)].signal();
      try (MemoryStack stack = MemoryStack.stackPush()) {
        EXTSemaphore.glWaitSemaphoreEXT(gl[ready(slot)], stack.mallocInt(0), stack.ints(texture),
            stack.ints(EXTSemaphore.GL_LAYOUT_GENERAL_EXT));
      }
      GlCheck.check("Presenter.present: glWaitSemaphoreEXT");
    }

    @Override
    public void close() {
      for (int i = 0; i < owners.length; i++) {
        if (gl[i] != 0) {
          EXTSemaphore.glDeleteSemaphoresEXT(gl[i]);
        }
        if (cuda[i] != null) {
          cuda[i].close();
        }
        if (owners[i] != null) {
          owners[i].close();
        }
      }
    }
  }
}
