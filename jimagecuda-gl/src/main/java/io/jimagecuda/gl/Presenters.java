package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.ImageBase;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.JImageCudaException;
import org.jspecify.annotations.Nullable;
import org.lwjgl.opengl.GL;

/** Creates presenters: on a named path, or on the fastest one that works (see {@link Presenter#create}). */
final class Presenters {
  private Presenters() {
  }

  static Presenter on(int width, int height, PresentPath path) {
    if (path == null) {
      return fastest(width, height);
    }
    checkArguments(width, height);
    return switch (path) {
      case VULKAN_SHARED_TEXTURE -> {
        requireVulkanBinding();
        requireCuda(path);
        try {
          yield new SharedTexturePresenter(width, height);
        } catch (NoClassDefFoundError e) {
          throw new UnsupportedOperationException(vulkanBindingMissing(e.getMessage()), e);
        }
      }
      case CUDA_EXPORTED_BUFFER -> {
        requireCuda(path);
        yield new ExportedBufferPresenter(width, height);
      }
      case CUDA_MAPPED_TEXTURE -> {
        requireCuda(path);
        yield new MappedTexturePresenter(width, height);
      }
      case CUDA_MAPPED_PBO, CPU_UPLOAD -> new PboPresenter(width, height, path);
    };
  }

  static Presenter fastest(int width, int height) {
    checkArguments(width, height);
    if (JImageCuda.defaultBackend() == BackendKind.CUDA) {
      return firstWorking(width, height, new PresentPath[] {PresentPath.VULKAN_SHARED_TEXTURE,
          PresentPath.CUDA_EXPORTED_BUFFER, PresentPath.CUDA_MAPPED_TEXTURE}, "");
    }
    return firstWorking(width, height, new PresentPath[0],
        "the default backend is " + JImageCuda.defaultBackend().id() + "; ");
  }

  /**
   * The first of {@code paths} that can be created here, else the PBO presenter (mapped PBO on CUDA, else
   * CPU upload); its {@link Presenter#pathReason()} then says why each of {@code paths} was passed over,
   * after {@code passedBefore}.
   */
  static Presenter firstWorking(int width, int height, PresentPath[] paths, String passedBefore) {
    StringBuilder passed = new StringBuilder(passedBefore);
    for (PresentPath path : paths) {
      try {
        Presenter p = on(width, height, path);
        Config.log("GL: " + p + " chosen");
        return p;
      } catch (JImageCudaException | UnsupportedOperationException e) {
        passed.append(path).append(" unavailable (").append(e.getMessage()).append("); ");
        Config.log("GL: " + path + " unavailable: " + e.getMessage());
      }
    }
    PboPresenter p = new PboPresenter(width, height, null);
    return passed.length() == 0 ? p : new Explained(p, passed + p.pathReason());
  }

  /**
   * Why {@link PresentPath#VULKAN_SHARED_TEXTURE} cannot run in this JVM because LWJGL's Vulkan binding is
   * missing ({@code org.lwjgl:lwjgl-vulkan} is an optional dependency of jimagecuda-gl), or null when it is
   * there. The one place that looks for the binding: the path's classes are loaded only after it.
   */
  static @Nullable String vulkanBindingAbsence() {
    return VulkanBinding.ABSENCE;
  }

  private static void requireVulkanBinding() {
    String absence = vulkanBindingAbsence();
    if (absence != null) {
      throw new UnsupportedOperationException(absence);
    }
  }

  private static String vulkanBindingMissing(@Nullable String missingClass) {
    return "the zero-copy path needs LWJGL's Vulkan binding, but org.lwjgl:lwjgl-vulkan is not on the class path"
        + (missingClass == null ? "" : " (" + missingClass.replace('/', '.') + " not found)")
        + ": add the dependency org.lwjgl:lwjgl-vulkan (on the module path also requires org.lwjgl.vulkan)";
  }

  /** Looks for LWJGL's Vulkan binding once (a class of org.lwjgl:lwjgl-vulkan, not initialised). */
  private static final class VulkanBinding {
    static final @Nullable String ABSENCE = look();

    private static @Nullable String look() {
      try {
        Class.forName("org.lwjgl.vulkan.VK", false, Presenters.class.getClassLoader());
        return null;
      } catch (ClassNotFoundException | LinkageError e) {
        return vulkanBindingMissing("org.lwjgl.vulkan.VK");
      }
    }
  }

  /**
   * The sides, then a current OpenGL context: checked before any OpenGL or CUDA call, so that a call without
   * a context is an {@link IllegalStateException}, not a call through a null function pointer.
   */
  private static void checkArguments(int width, int height) {
    if (width < 1 || height < 1 || width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException("Presenter: size " + width + "x" + height + " is not in 1.."
          + ImageBase.MAX_SIDE);
    }
    String noContext = "Presenter.create: no OpenGL context is current on this thread. Make "
        + "the context current first (EglContext/GlfwContext: makeCurrent())";
    Object capabilities;
    try {
      capabilities = GL.getCapabilities();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(noContext, e);
    }
    if (capabilities == null) {
      throw new IllegalStateException(noContext);
    }
  }

  private static void requireCuda(PresentPath path) {
    if (!JImageCuda.isCudaAvailable()) {
      throw new BackendUnavailableException("Presenter: " + path + " needs CUDA, but " + JImageCuda.cudaStatus());
    }
  }

  /** A presenter whose reason also says why faster paths were passed over. */
  private record Explained(Presenter inner, String reason) implements Presenter {
    @Override
    public PresentPath path() {
      return inner.path();
    }

    @Override
    public String pathReason() {
      return reason;
    }

    @Override
    public int width() {
      return inner.width();
    }

    @Override
    public int height() {
      return inner.height();
    }

    @Override
    public void present(io.jimagecuda.ImageU8 frame) {
      inner.present(frame);
    }

    @Override
    public void present(io.jimagecuda.Image frame) {
      inner.present(frame);
    }

    @Override
    public int texture() {
      return inner.texture();
    }

    @Override
    public void close() {
      inner.close();
    }

    @Override
    public String toString() {
      return inner.toString();
    }
  }
}
