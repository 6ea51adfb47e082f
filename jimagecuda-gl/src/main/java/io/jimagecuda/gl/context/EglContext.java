package io.jimagecuda.gl.context;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Config;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.GlException;
import io.jimagecuda.gl.internal.EglExt;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.internal.GlLoader;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGL14;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * A headless OpenGL context through EGL: no window system needed.
 *
 * <p>The display is chosen in this order ({@link Platform}): NVIDIA's device platform
 * ({@code eglQueryDevicesEXT} + {@code eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT)}), taking the
 * device whose {@code EGL_CUDA_DEVICE_NV} is the CUDA backend's device when CUDA runs, else the first
 * NVIDIA device; Mesa's surfaceless platform ({@code EGL_PLATFORM_SURFACELESS_MESA}); the default
 * display. The context has a 1×1 pbuffer surface when the configuration offers one, otherwise none
 * ({@code EGL_KHR_surfaceless_context}): render into framebuffer objects either way.
 *
 * <p>The context is current on the creating thread after {@link #open()}. Close it when done; contexts
 * left open are destroyed by a shutdown hook, and each display is terminated with its last context.
 *
 * <pre>{@code
 * try (EglContext gl = EglContext.open()) {
 *   System.out.println(gl.describe());
 *   // OpenGL calls, GLResource, ...
 * }
 * }</pre>
 */
public final class EglContext implements GlContext {
  /** Where the EGL display comes from. */
  public enum Platform {
    /** NVIDIA's EGL device platform (a GPU without a window system). */
    NVIDIA_DEVICE,
    /** Mesa's surfaceless platform (software rendering with llvmpipe, or a Mesa GPU driver). */
    MESA_SURFACELESS,
    /** {@code eglGetDisplay(EGL_DEFAULT_DISPLAY)}. */
    DEFAULT_DISPLAY
  }

  private static final int EGL_CONTEXT_LOST = 0x300E;
  /** Open displays and how many open contexts use each; a display is terminated with its last context. */
  private static final Map<Long, Integer> DISPLAY_USERS = new HashMap<>();
  private static final Set<EglContext> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private final Platform platform;
  private final long display;
  private final long surface;
  private final long context;
  private final OptionalInt cudaDevice;
  private final GLCapabilities capabilities;
  private final String description;
  private boolean closed;

  private EglContext(Platform platform, long display, long surface, long context, OptionalInt cudaDevice) {
    this.platform = platform;
    this.display = display;
    this.surface = surface;
    this.context = context;
    this.cudaDevice = cudaDevice;
    makeCurrentRaw();
    GlLoader.ensure(EGL.getFunctionProvider());
    this.capabilities = GL.createCapabilities();
    GL.setCapabilities(capabilities);
    this.description = String.format("EGL %s (%s): %s, %s, OpenGL %s%s", platform, EGL10.eglQueryString(display,
        EGL10.EGL_VERSION), GL11.glGetString(GL11.GL_VENDOR), GL11.glGetString(GL11.GL_RENDERER),
        GL11.glGetString(GL11.GL_VERSION), cudaDevice.isPresent() ? ", CUDA device " + cudaDevice.getAsInt() : "");
    GlCheck.check("EglContext.open (glGetString)");
  }

  /**
   * Opens a context on the best platform available (see the class description) and makes it current.
   *
   * @return the context, current on this thread; the caller closes it
   * @throws GlException if no EGL display or context can be made, naming the EGL error
   */
  public static EglContext open() {
    return open(null);
  }

  /**
   * Opens a context on the given platform and makes it current.
   *
   * @param platform the platform, or {@code null} for the best available
   * @return the context, current on this thread; the caller closes it
   * @throws GlException if that platform is not available or the context cannot be made
   */
  public static EglContext open(@Nullable Platform platform) {
    GlEnvironment.prepare();
    GlLoader.explicitInit();
    Set<String> client = clientExtensions();
    List<String> tried = new ArrayList<>();
    if (platform == null || platform == Platform.NVIDIA_DEVICE) {
      // EGL_EXT_device_base (what NVIDIA's driver lists) includes EGL_EXT_device_enumeration.
      boolean enumeration = client.contains("EGL_EXT_device_enumeration") || client.contains("EGL_EXT_device_base");
      long[] device = enumeration && client.contains("EGL_EXT_platform_device")
          ? nvidiaDevice() : null;
      if (device != null) {
        long dpy = platformDisplay(EglExt.EGL_PLATFORM_DEVICE_EXT, device[0]);
        return create(Platform.NVIDIA_DEVICE, dpy, device[1] < 0 ? OptionalInt.empty() : OptionalInt.of((int) device[1]));
      }
      tried.add("NVIDIA device platform (no EGL device with EGL_NV_device_cuda)");
    }
    if (platform == null || platform == Platform.MESA_SURFACELESS) {
      if (client.contains("EGL_MESA_platform_surfaceless")) {
        return create(Platform.MESA_SURFACELESS, platformDisplay(EglExt.EGL_PLATFORM_SURFACELESS_MESA, 0L),
            OptionalInt.empty());
      }
      tried.add("Mesa surfaceless platform (EGL_MESA_platform_surfaceless not listed)");
    }
    if (platform == null || platform == Platform.DEFAULT_DISPLAY) {
      long dpy = EGL10.eglGetDisplay(EGL14.EGL_DEFAULT_DISPLAY);
      GlCheck.checkEgl("eglGetDisplay(EGL_DEFAULT_DISPLAY)", dpy != EGL10.EGL_NO_DISPLAY, null);
      return create(Platform.DEFAULT_DISPLAY, dpy, OptionalInt.empty());
    }
    throw new GlException("EGL_NOT_INITIALIZED", "EglContext.open(" + platform + "): not available here; tried "
        + String.join(", ", tried) + ". Client extensions: " + client);
  }

  private static Set<String> clientExtensions() {
    // EGL 1.5 / EGL_EXT_client_extensions: the extension string of EGL_NO_DISPLAY lists client extensions.
    String s = EGL10.eglQueryString(EGL10.EGL_NO_DISPLAY, EGL10.EGL_EXTENSIONS);
    if (s == null) {
      EGL10.eglGetError(); // EGL_BAD_DISPLAY when client extensions are unsupported: nothing to use
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(s.trim().split("\\s+")));
  }

  /**
   * The NVIDIA EGL device to use as {@code {device, cudaDevice}}, or {@code null} when there is none.
   * Prefers the device whose CUDA device is the one the CUDA backend runs on.
   */
  private static long @Nullable [] nvidiaDevice() {
    long query = EglExt.require("eglQueryDevicesEXT", "EGL_EXT_device_enumeration");
    long attrib = EglExt.address("eglQueryDeviceAttribEXT");
    long string = EglExt.address("eglQueryDeviceStringEXT");
    if (attrib == 0 || string == 0) {
      return null;
    }
    try (MemoryStack stack = MemoryStack.stackPush()) {
      int max = 32;
      PointerBuffer devices = stack.mallocPointer(max);
      long count = stack.nmalloc(4, 4);
      GlCheck.checkEgl("eglQueryDevicesEXT", EglExt.neglQueryDevicesEXT(max, MemoryUtil.memAddress(devices), count,
          query) != 0, null);
      List<long[]> nvidia = new ArrayList<>();
      long value = stack.nmalloc(8, 8);
      for (int i = 0, n = MemoryUtil.memGetInt(count); i < n; i++) {
        long dev = devices.get(i);
        long ext = EglExt.neglQueryDeviceStringEXT(dev, EGL10.EGL_EXTENSIONS, string);
        if (ext != 0 && Set.of(MemoryUtil.memASCII(ext).trim().split("\\s+")).contains("EGL_NV_device_cuda")) {
          long cuda = EglExt.neglQueryDeviceAttribEXT(dev, EglExt.EGL_CUDA_DEVICE_NV, value, attrib) != 0
              ? MemoryUtil.memGetLong(value) : -1;
          nvidia.add(new long[] {dev, cuda});
        }
      }
      if (nvidia.isEmpty()) {
        return null;
      }
      // Asked only now, so that machines without NVIDIA's EGL never try to start CUDA here.
      if (nvidia.size() > 1 && JImageCuda.isCudaAvailable()) {
        int wanted = ((CudaBackend) Backends.get(BackendKind.CUDA)).device();
        for (long[] d : nvidia) {
          if (d[1] == wanted) {
            return d;
          }
        }
        Config.log("EGL: no NVIDIA EGL device drives CUDA device " + wanted + "; using CUDA device "
            + nvidia.get(0)[1]);
      }
      return nvidia.get(0);
    }
  }

  private static long platformDisplay(int platform, long nativeDisplay) {
    long f = EglExt.require("eglGetPlatformDisplayEXT", "EGL_EXT_platform_base");
    long dpy = EglExt.neglGetPlatformDisplayEXT(platform, nativeDisplay, 0L, f);
    GlCheck.checkEgl(String.format("eglGetPlatformDisplayEXT(0x%X)", platform), dpy != EGL10.EGL_NO_DISPLAY, null);
    return dpy;
  }

  private static EglContext create(Platform platform, long display, OptionalInt cudaDevice) {
    synchronized (EglContext.class) {
      try (MemoryStack stack = MemoryStack.stackPush()) {
        GlCheck.checkEgl("eglInitialize(" + platform + ")", EGL10.eglInitialize(display, stack.mallocInt(1),
            stack.mallocInt(1)), "the EGL driver could not start on this display");
        DISPLAY_USERS.merge(display, 1, Integer::sum);
      }
    }
    long surface = EGL10.EGL_NO_SURFACE;
    long context = EGL10.EGL_NO_CONTEXT;
    try (MemoryStack stack = MemoryStack.stackPush()) {
      GlCheck.checkEgl("eglBindAPI(EGL_OPENGL_API)", EGL12.eglBindAPI(EGL14.EGL_OPENGL_API),
          "this EGL has no desktop OpenGL");
      long config = chooseConfig(stack, display, true);
      boolean pbuffer = config != 0;
      if (!pbuffer) {
        String ext = EGL10.eglQueryString(display, EGL10.EGL_EXTENSIONS);
        if (ext == null || !ext.contains("EGL_KHR_surfaceless_context")) {
          throw new GlException("EGL_BAD_CONFIG", "EglContext.open(" + platform + "): no RGBA8 OpenGL "
              + "configuration with pbuffer support and no EGL_KHR_surfaceless_context");
        }
        config = chooseConfig(stack, display, false);
        if (config == 0) {
          throw new GlException("EGL_BAD_CONFIG", "EglContext.open(" + platform + "): no RGBA8 OpenGL configuration");
        }
      }
      context = EGL10.eglCreateContext(display, config, EGL10.EGL_NO_CONTEXT, (int[]) null);
      GlCheck.checkEgl("eglCreateContext", context != EGL10.EGL_NO_CONTEXT, null);
      if (pbuffer) {
        surface = EGL10.eglCreatePbufferSurface(display, config,
            new int[] {EGL10.EGL_WIDTH, 1, EGL10.EGL_HEIGHT, 1, EGL10.EGL_NONE});
        GlCheck.checkEgl("eglCreatePbufferSurface(1x1)", surface != EGL10.EGL_NO_SURFACE, null);
      }
      EglContext c = new EglContext(platform, display, surface, context, cudaDevice);
      register(c);
      Config.log("GL: " + c.describe());
      return c;
    } catch (RuntimeException | Error e) {
      if (context != EGL10.EGL_NO_CONTEXT) {
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        EGL10.eglDestroyContext(display, context);
      }
      if (surface != EGL10.EGL_NO_SURFACE) {
        EGL10.eglDestroySurface(display, surface);
      }
      releaseDisplay(display);
      throw e;
    }
  }

  private static long chooseConfig(MemoryStack stack, long display, boolean pbuffer) {
    int[] attributes = {
        EGL10.EGL_SURFACE_TYPE, pbuffer ? EGL10.EGL_PBUFFER_BIT : 0,
        EGL12.EGL_RENDERABLE_TYPE, EGL14.EGL_OPENGL_BIT,
        EGL10.EGL_RED_SIZE, 8, EGL10.EGL_GREEN_SIZE, 8, EGL10.EGL_BLUE_SIZE, 8, EGL10.EGL_ALPHA_SIZE, 8,
        EGL10.EGL_NONE};
    PointerBuffer configs = stack.mallocPointer(1);
    int[] count = new int[1];
    GlCheck.checkEgl("eglChooseConfig", EGL10.eglChooseConfig(display, attributes, configs, count), null);
    return count[0] > 0 ? configs.get(0) : 0L;
  }

  private static synchronized void register(EglContext c) {
    OPEN.add(c);
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime().addShutdownHook(new Thread(EglContext::closeAll, "jimagecuda-egl-shutdown"));
    }
  }

  /** Destroys every context still open; runs at JVM exit. */
  private static void closeAll() {
    List<EglContext> open;
    synchronized (EglContext.class) {
      open = new ArrayList<>(OPEN);
    }
    for (EglContext c : open) {
      c.close();
    }
  }

  private static synchronized void releaseDisplay(long display) {
    Integer users = DISPLAY_USERS.get(display);
    if (users == null) {
      return;
    }
    if (users > 1) {
      DISPLAY_USERS.put(display, users - 1);
    } else {
      DISPLAY_USERS.remove(display);
      EGL10.eglTerminate(display);
    }
  }

  private void makeCurrentRaw() {
    GlCheck.checkEgl("eglMakeCurrent", EGL10.eglMakeCurrent(display, surface, surface, context),
        "the context may be current on another thread: release it there first");
  }

  @Override
  public synchronized void makeCurrent() {
    if (closed) {
      throw new IllegalStateException("EglContext.makeCurrent: the context was closed");
    }
    makeCurrentRaw();
    GL.setCapabilities(capabilities);
  }

  @Override
  public synchronized void releaseCurrent() {
    if (!closed && EGL14.eglGetCurrentContext() == context) {
      GlCheck.checkEgl("eglMakeCurrent(EGL_NO_CONTEXT)", EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE,
          EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT), null);
      GL.setCapabilities(null);
    }
  }

  /** {@return the platform the display came from} */
  public Platform platform() {
    return platform;
  }

  /** {@return the {@code EGLDisplay} handle} */
  public long display() {
    return display;
  }

  /** {@return the {@code EGLContext} handle} */
  public long handle() {
    return context;
  }

  @Override
  public OptionalInt cudaDevice() {
    return cudaDevice;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Releases the context from this thread if current here, destroys it and its surface, and
   * terminates the display when no other context of this class uses it. A context current on another
   * thread is destroyed by EGL once that thread releases it.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (EGL14.eglGetCurrentContext() == context) {
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        GL.setCapabilities(null);
      }
      boolean ok = EGL10.eglDestroyContext(display, context);
      int error = ok ? 0x3000 : EGL10.eglGetError();
      if (surface != EGL10.EGL_NO_SURFACE) {
        EGL10.eglDestroySurface(display, surface);
      }
      EGL12.eglReleaseThread();
      if (!ok && error != EGL_CONTEXT_LOST) {
        System.err.println("[jimagecuda] eglDestroyContext failed: " + GlCheck.eglErrorName(error));
      }
    }
    synchronized (EglContext.class) {
      OPEN.remove(this);
    }
    releaseDisplay(display);
  }

  @Override
  public String toString() {
    return "EglContext(" + platform + (closed ? ", closed" : "") + ")";
  }
}
