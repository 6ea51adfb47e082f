package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Config;
import io.jimagecuda.ImageBase;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.JImageCudaException;
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
        requireCuda(path);
        yield new SharedTexturePresenter(width, height);
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
    StringBuilder passed = new StringBuilder();
    if (JImageCuda.defaultBackend() == BackendKind.CUDA) {
      for (PresentPath path : new PresentPath[] {PresentPath.VULKAN_SHARED_TEXTURE, PresentPath.CUDA_EXPORTED_BUFFER,
          PresentPath.CUDA_MAPPED_TEXTURE}) {
        try {
          Presenter p = on(width, height, path);
          Config.log("GL: " + p + " chosen");
          return p;
        } catch (JImageCudaException | UnsupportedOperationException e) {
          passed.append(path).append(" unavailable (").append(e.getMessage()).append("); ");
          Config.log("GL: " + path + " unavailable: " + e.getMessage());
        }
      }
    } else {
      passed.append("the default backend is ").append(JImageCuda.defaultBackend().id()).append("; ");
    }
    PboPresenter p = new PboPresenter(width, height, null);
    return passed.length() == 0 ? p : new Explained(p, passed + p.pathReason());
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
    try {
      GL.getCapabilities();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Presenter.create: no OpenGL context is current on this thread. Make "
          + "the context current first (EglContext/GlfwContext: makeCurrent())", e);
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
