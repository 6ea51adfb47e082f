package io.jimagecuda.gl.swing;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.QuadRenderer;
import io.jimagecuda.gl.internal.GlCheck;
import java.awt.Graphics;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL30;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.opengl.GLX;
import org.lwjgl.opengl.GLXCapabilities;
import org.lwjgl.opengl.GLXEXTSwapControl;
import org.lwjgl.opengl.awt.AWTGLCanvas;
import org.lwjgl.opengl.awt.GLData;
import org.lwjgl.opengl.awt.PlatformLinuxGLCanvas;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * {@link PreviewPanel}'s OpenGL surface: an AWT canvas with its own OpenGL 3.3 core context (GLX through
 * JAWT, by lwjgl3-awt), a {@link Presenter} for the frames and a {@link QuadRenderer} that draws them placed
 * by the panel's {@link ViewTransform}. Everything runs on the AWT event thread, with the context current
 * only while a call runs ({@code runInContext} / {@code render}).
 */
final class GlSurface extends AWTGLCanvas {
  private static final long serialVersionUID = 1L;

  /** OpenGL contexts of panels that exist now (made and not yet deleted), for leak checks. */
  private static final java.util.concurrent.atomic.AtomicInteger LIVE_CONTEXTS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final transient PreviewPanel panel;
  private boolean counted;
  private transient @Nullable GLCapabilities capabilities;
  private transient @Nullable QuadRenderer quad;
  private transient @Nullable Presenter presenter;
  private transient @Nullable ImageU8 hostFrame;
  private int readFramebuffer;
  private String description = "OpenGL (not started yet)";

  GlSurface(PreviewPanel panel) {
    super(glData());
    this.panel = panel;
  }

  private static GLData glData() {
    GLData d = new GLData();
    d.majorVersion = 3;
    d.minorVersion = 3;
    d.profile = GLData.Profile.CORE;
    d.forwardCompatible = true;
    d.doubleBuffer = true;
    d.swapInterval = 0;
    return d;
  }

  /** Makes LWJGL's capabilities of this context the thread's, creating GL objects on first use. */
  private void ensureStarted() {
    if (capabilities == null) {
      capabilities = GL.createCapabilities();
      GL.setCapabilities(capabilities);
      quad = new QuadRenderer();
      description = "OpenGL " + GL11.glGetString(GL11.GL_VERSION) + " on " + GL11.glGetString(GL11.GL_RENDERER);
    } else {
      GL.setCapabilities(capabilities);
    }
  }

  /** {@return how many panel OpenGL contexts exist in this process} */
  static int liveContexts() {
    return LIVE_CONTEXTS.get();
  }

  @Override
  protected void beforeRender() {
    super.beforeRender();
    if (context != 0 && !counted) {
      counted = true;
      LIVE_CONTEXTS.incrementAndGet();
    }
  }

  @Override
  public void initGL() {
    ensureStarted();
    swapWithoutVsync();
  }

  /**
   * Asks for swap interval 0 on Linux, where lwjgl3-awt 0.2.3 ignores {@link GLData#swapInterval}: the panel
   * paints on demand, so a swap must not wait for a vertical blank (which NVIDIA's GLX otherwise does by
   * default, and which an X server without a display, such as Xvfb, only simulates).
   */
  private void swapWithoutVsync() {
    if (platformCanvas instanceof PlatformLinuxGLCanvas linux && linux.display != 0 && linux.drawable != 0) {
      GLXCapabilities glx = GL.createCapabilitiesGLX(linux.display);
      if (glx.GLX_EXT_swap_control) {
        GLXEXTSwapControl.glXSwapIntervalEXT(linux.display, linux.drawable, 0);
      }
    }
  }

  /**
   * Deletes the OpenGL context (not current on any thread by now). On Linux lwjgl3-awt 0.2.3's
   * {@code deleteContext} does nothing, which leaked one GLX context per panel shown (about 4 MB each with
   * Mesa); there the context is destroyed here with {@code glXDestroyContext}.
   */
  private void deleteContext(long glContext) {
    if (platformCanvas instanceof PlatformLinuxGLCanvas linux && linux.display != 0) {
      GLX.glXDestroyContext(linux.display, glContext);
    } else {
      platformCanvas.deleteContext(glContext);
    }
  }

  @Override
  public void paintGL() {
    ensureStarted();
    int w = Math.max(1, getFramebufferWidth() > 0 ? getFramebufferWidth() : getWidth());
    int h = Math.max(1, getFramebufferHeight() > 0 ? getFramebufferHeight() : getHeight());
    GL11.glViewport(0, 0, w, h);
    Presenter p = presenter;
    ViewTransform view = panel.view();
    if (p != null && quad != null) {
      quad.drawPlaced(p.texture(), view.imageWidth(), view.imageHeight(), view.scale(), view.originX(),
          view.originY(), w, h, PreviewPanel.BACKGROUND);
    } else {
      int bg = PreviewPanel.BACKGROUND;
      GL11.glClearColor(((bg >> 16) & 0xFF) / 255f, ((bg >> 8) & 0xFF) / 255f, (bg & 0xFF) / 255f, 1f);
      GL11.glClear(GL11.GL_COLOR_BUFFER_BIT);
    }
    swapBuffers();
  }

  /** Draws now; a failure of OpenGL (no GLX, no 3.3 context) goes to the panel, which falls back to Java2D. */
  @Override
  public void paint(Graphics g) {
    if (!isDisplayable() || getWidth() < 1 || getHeight() < 1) {
      return;
    }
    try {
      panel.beforeGlPaint(getWidth(), getHeight());
      if (panel.surface() != this) {
        return; // the panel fell back to Java2D
      }
      render();
    } catch (RuntimeException | LinkageError e) {
      panel.openGlFailed(e);
    }
  }

  @Override
  public void update(Graphics g) {
    paint(g);
  }

  /** {@return whether the context can be used now (the canvas has a native window)} */
  boolean ready() {
    return isDisplayable();
  }

  /**
   * Presents {@code frame} into the texture (the context made current for the call).
   *
   * @return the present path used
   */
  PresentPath present(ImageBase frame) {
    PresentPath[] used = new PresentPath[1];
    runInContext(() -> {
      ensureStarted();
      Presenter p = presenterFor(frame.width(), frame.height(), frame.backend());
      if (frame instanceof ImageU8 u8) {
        p.present(u8);
      } else {
        p.present((Image) frame);
      }
      used[0] = p.path();
    });
    return used[0];
  }

  /**
   * Presents 8-bit RGBA host pixels (a frame kept while the canvas had no native window).
   *
   * @return the present path used
   */
  PresentPath presentHost(byte[] rgba, int width, int height) {
    PresentPath[] used = new PresentPath[1];
    runInContext(() -> {
      ensureStarted();
      ImageU8 host = hostFrame;
      if (host == null || host.capacity() < (long) width * height) {
        if (host != null) {
          host.free();
        }
        host = new ImageU8(width, height, BackendKind.CPU);
        hostFrame = host;
      } else {
        host.setLogicalSize(width, height);
      }
      io.jimagecuda.Images.upload(host, rgba);
      Presenter p = presenterFor(width, height, BackendKind.CPU);
      p.present(host);
      used[0] = p.path();
    });
    return used[0];
  }

  /** The presenter for frames of this size and backend: the fastest path for CUDA frames, else the CPU path. */
  private Presenter presenterFor(int width, int height, BackendKind backend) {
    Presenter p = presenter;
    boolean cudaFrames = backend == BackendKind.CUDA;
    boolean fits = p != null && p.width() == width && p.height() == height
        && (p.path() == PresentPath.CPU_UPLOAD) == !cudaFrames;
    if (fits) {
      return p;
    }
    if (p != null) {
      p.close();
      presenter = null;
    }
    p = cudaFrames ? Presenter.create(width, height) : Presenter.create(width, height, PresentPath.CPU_UPLOAD);
    presenter = p;
    return p;
  }

  /** {@return why the presenter took its path, or an empty string before the first frame} */
  String pathReason() {
    Presenter p = presenter;
    return p == null ? "" : p.pathReason();
  }

  /** {@return the context's OpenGL version and renderer} */
  String describe() {
    return description;
  }

  /**
   * {@return the 8-bit RGBA value of image pixel {@code (x, y)} of the last frame as {@code 0xRRGGBBAA}}
   *
   * @param x the column
   * @param y the row (0 = top)
   */
  int readPixel(int x, int y) {
    int[] value = new int[1];
    runInContext(() -> {
      ensureStarted();
      Presenter p = presenter;
      if (p == null) {
        return;
      }
      bindReadFramebuffer(p.texture());
      try (MemoryStack stack = MemoryStack.stackPush()) {
        ByteBuffer px = stack.malloc(4);
        GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
        GL11.glReadPixels(x, y, 1, 1, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, px);
        value[0] = (px.get(0) & 0xFF) << 24 | (px.get(1) & 0xFF) << 16 | (px.get(2) & 0xFF) << 8 | (px.get(3) & 0xFF);
      }
      GL30.glBindFramebuffer(GL30.GL_READ_FRAMEBUFFER, 0);
      GlCheck.check("PreviewPanel: reading pixel (" + x + ", " + y + ")");
    });
    return value[0];
  }

  /** {@return the last frame as 8-bit RGBA, top row first, or {@code null} if there is none} */
  byte @Nullable [] readFrame() {
    byte[][] out = new byte[1][];
    runInContext(() -> {
      ensureStarted();
      Presenter p = presenter;
      if (p == null) {
        return;
      }
      int w = p.width();
      int h = p.height();
      bindReadFramebuffer(p.texture());
      ByteBuffer buf = MemoryUtil.memAlloc(w * h * 4);
      try {
        GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
        GL11.glReadPixels(0, 0, w, h, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, buf);
        GlCheck.check("PreviewPanel: reading the frame back");
        out[0] = new byte[w * h * 4];
        buf.get(out[0]);
      } finally {
        MemoryUtil.memFree(buf);
        GL30.glBindFramebuffer(GL30.GL_READ_FRAMEBUFFER, 0);
      }
    });
    return out[0];
  }

  private void bindReadFramebuffer(int texture) {
    if (readFramebuffer == 0) {
      readFramebuffer = GL30.glGenFramebuffers();
    }
    GL30.glBindFramebuffer(GL30.GL_READ_FRAMEBUFFER, readFramebuffer);
    GL30.glFramebufferTexture2D(GL30.GL_READ_FRAMEBUFFER, GL30.GL_COLOR_ATTACHMENT0, GL11.GL_TEXTURE_2D, texture, 0);
  }

  /**
   * Deletes the presenter, the renderer, the read framebuffer and the context; the canvas can start again
   * later (a new context) if it is shown again.
   */
  void releaseGl() {
    if (context != 0 && isDisplayable()) {
      try {
        runInContext(() -> {
          if (capabilities != null) {
            GL.setCapabilities(capabilities);
            if (presenter != null) {
              presenter.close();
            }
            if (quad != null) {
              quad.close();
            }
            if (readFramebuffer != 0) {
              GL30.glDeleteFramebuffers(readFramebuffer);
            }
            GL11.glFinish();
            GL.setCapabilities(null);
          }
        });
      } finally {
        deleteContext(context);
        context = 0;
        if (counted) {
          counted = false;
          LIVE_CONTEXTS.decrementAndGet();
        }
      }
    }
    presenter = null;
    quad = null;
    readFramebuffer = 0;
    capabilities = null;
    initCalled = false;
    if (hostFrame != null) {
      hostFrame.free();
      hostFrame = null;
    }
  }

  @Override
  public void removeNotify() {
    releaseGl();
    super.removeNotify();
  }
}
