package io.jimagecuda.gl.context;

import io.jimagecuda.Config;
import io.jimagecuda.gl.GlException;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.internal.GlLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenGL context in a GLFW window. GLFW is initialised with the first window (after
 * {@link GlEnvironment#prepare()}) and terminated with the last one. Create, use and close windows on the
 * main thread, as GLFW requires. The context is current on the creating thread after {@link #open}.
 *
 * <pre>{@code
 * try (GlfwContext win = GlfwContext.open(1280, 720, "Preview", GlfwContext.Profile.CORE)) {
 *   while (!win.shouldClose()) {
 *     GLFW.glfwPollEvents();
 *     // draw
 *     win.swapBuffers();
 *   }
 * }
 * }</pre>
 */
public final class GlfwContext implements GlContext {
  /** Which OpenGL profile the window's context gets. */
  public enum Profile {
    /** GLFW's default: the highest compatibility-profile version (fixed-function calls work, as in the seed). */
    COMPATIBILITY,
    /** An OpenGL 3.3 (or later) core profile. */
    CORE
  }

  private static final Set<GlfwContext> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;
  private static String lastError = "";

  private final long window;
  /** The thread that opened the window and renders into it. */
  private final Thread owner = Thread.currentThread();
  private final GLCapabilities capabilities;
  private final String description;
  private boolean closed;

  private GlfwContext(long window) {
    this.window = window;
    GLFW.glfwMakeContextCurrent(window);
    GlLoader.ensureDefault();
    capabilities = GL.createCapabilities();
    description = String.format("GLFW %s window: %s, %s, OpenGL %s", GLFW.glfwGetVersionString().split(" ")[0],
        GL11.glGetString(GL11.GL_VENDOR), GL11.glGetString(GL11.GL_RENDERER), GL11.glGetString(GL11.GL_VERSION));
    GlCheck.check("GlfwContext.open (glGetString)");
  }

  /**
   * Opens a visible, resizable window with a compatibility-profile context.
   *
   * @param width the window's width in screen coordinates
   * @param height the window's height in screen coordinates
   * @param title the window's title
   * @return the window, its context current on this thread; the caller closes it
   * @throws GlException if GLFW cannot start (no display) or the window cannot be made
   */
  public static GlfwContext open(int width, int height, String title) {
    return open(width, height, title, Profile.COMPATIBILITY);
  }

  /**
   * Opens a visible, resizable window with a context of the given profile, current on this thread.
   *
   * @param width the window's width in screen coordinates
   * @param height the window's height in screen coordinates
   * @param title the window's title
   * @param profile the OpenGL profile of the context
   * @return the window, its context current on this thread; the caller closes it
   * @throws GlException if GLFW cannot start (no display) or the window cannot be made
   */
  public static synchronized GlfwContext open(int width, int height, String title, Profile profile) {
    if (OPEN.isEmpty()) {
      GlEnvironment.prepare();
      GlLoader.explicitInit();
      GLFW.glfwSetErrorCallback((code, description) -> lastError = GLFWErrorCallback.getDescription(description)
          + String.format(" (GLFW error 0x%X)", code));
      if (!GLFW.glfwInit()) {
        throw new GlException("GLFW_PLATFORM_ERROR", "glfwInit failed: " + lastError + ". A window needs a "
            + "display (DISPLAY or WAYLAND_DISPLAY); without one use EglContext");
      }
    }
    GLFW.glfwDefaultWindowHints();
    GLFW.glfwWindowHint(GLFW.GLFW_RESIZABLE, GLFW.GLFW_TRUE);
    if (profile == Profile.CORE) {
      GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MAJOR, 3);
      GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MINOR, 3);
      GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_PROFILE, GLFW.GLFW_OPENGL_CORE_PROFILE);
      GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_FORWARD_COMPAT, GLFW.GLFW_TRUE);
    }
    long window = GLFW.glfwCreateWindow(width, height, title, 0L, 0L);
    if (window == 0L) {
      String why = lastError;
      if (OPEN.isEmpty()) {
        GLFW.glfwTerminate();
      }
      throw new GlException("GLFW_VERSION_UNAVAILABLE", "glfwCreateWindow(" + width + "x" + height + ", " + profile
          + ") failed: " + why);
    }
    GlfwContext c;
    try {
      c = new GlfwContext(window);
    } catch (RuntimeException e) {
      GLFW.glfwDestroyWindow(window);
      if (OPEN.isEmpty()) {
        GLFW.glfwTerminate();
      }
      throw e;
    }
    OPEN.add(c);
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime().addShutdownHook(new Thread(GlfwContext::closeAll, "jimagecuda-glfw-shutdown"));
    }
    Config.log("GL: " + c.describe());
    return c;
  }

  /**
   * At JVM exit. On a signal (Ctrl-C, SIGTERM) the owning thread may still be drawing: destroying its
   * window under it crashed Mesa in {@code glDrawArrays}. So an owner that is alive is asked to close
   * ({@code glfwSetWindowShouldClose} may be called from any thread) and given two seconds to close the
   * context itself; a window still in use after that is left to the operating system.
   */
  private static void closeAll() {
    List<GlfwContext> open;
    synchronized (GlfwContext.class) {
      open = new ArrayList<>(OPEN);
    }
    for (GlfwContext c : open) {
      if (c.owner.isAlive() && c.owner != Thread.currentThread()) {
        GLFW.glfwSetWindowShouldClose(c.window, true);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!c.isClosed() && c.owner.isAlive() && System.nanoTime() < deadline) {
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (!c.isClosed() && c.owner.isAlive()) {
          Config.log("GL: " + c + " still in use by " + c.owner.getName() + " at exit; left to the OS");
          continue;
        }
      }
      c.close();
    }
  }

  /** {@return the GLFW window handle, for GLFW calls (callbacks, input, title)} */
  public long window() {
    return window;
  }

  /** {@return whether the user asked to close the window} */
  public boolean shouldClose() {
    return GLFW.glfwWindowShouldClose(window);
  }

  /** Shows the frame drawn into the back buffer. */
  public void swapBuffers() {
    GLFW.glfwSwapBuffers(window);
  }

  /**
   * Sets the swap interval.
   *
   * @param interval 1 waits for the display's refresh (vsync), 0 does not
   */
  public void swapInterval(int interval) {
    GLFW.glfwSwapInterval(interval);
  }

  /** {@return the framebuffer size in pixels as {@code {width, height}} (on HiDPI not the window size)} */
  public int[] framebufferSize() {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      var w = stack.mallocInt(1);
      var h = stack.mallocInt(1);
      GLFW.glfwGetFramebufferSize(window, w, h);
      return new int[] {w.get(0), h.get(0)};
    }
  }

  @Override
  public synchronized void makeCurrent() {
    if (closed) {
      throw new IllegalStateException("GlfwContext.makeCurrent: the window was closed");
    }
    GLFW.glfwMakeContextCurrent(window);
    GL.setCapabilities(capabilities);
  }

  @Override
  public synchronized void releaseCurrent() {
    if (!closed && GLFW.glfwGetCurrentContext() == window) {
      GLFW.glfwMakeContextCurrent(0L);
      GL.setCapabilities(null);
    }
  }

  /** Always empty: a window system does not say which CUDA device runs the context (GLResource asks CUDA). */
  @Override
  public OptionalInt cudaDevice() {
    return OptionalInt.empty();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Destroys the window and its context; terminates GLFW with the last window. */
  @Override
  public void close() {
    synchronized (GlfwContext.class) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      if (GLFW.glfwGetCurrentContext() == window) {
        GLFW.glfwMakeContextCurrent(0L);
        GL.setCapabilities(null);
      }
      GLFW.glfwDestroyWindow(window);
      OPEN.remove(this);
      if (OPEN.isEmpty()) {
        GLFW.glfwTerminate();
        GLFWErrorCallback callback = GLFW.glfwSetErrorCallback(null);
        if (callback != null) {
          callback.free();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "GlfwContext(window " + Long.toHexString(window) + (closed ? ", closed" : "") + ")";
  }
}
