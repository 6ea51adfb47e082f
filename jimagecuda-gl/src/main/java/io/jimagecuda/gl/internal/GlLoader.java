package io.jimagecuda.gl.internal;

import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.FunctionProvider;

/**
 * Loads LWJGL's OpenGL function provider once per process, explicitly: the first context decides
 * where function addresses come from (EGL's {@code eglGetProcAddress} for headless contexts, the
 * platform's OpenGL library for GLFW windows). With glvnd, both hand out the same dispatch entry points.
 */
public final class GlLoader {
  /** Where LWJGL's OpenGL functions come from in this process. */
  public enum Source {
    /** Not loaded yet. */
    NONE,
    /** EGL's {@code eglGetProcAddress} (headless contexts): GLX functions are not available. */
    EGL,
    /** The platform's OpenGL library ({@code libGL.so.1}): GLX (windows, AWT canvases) and OpenGL. */
    PLATFORM
  }

  private static Source source = Source.NONE;

  private GlLoader() {
  }

  /** {@return where OpenGL functions were loaded from, or {@link Source#NONE}} */
  public static synchronized Source source() {
    return source;
  }

  /** Sets {@code Configuration.OPENGL_EXPLICIT_INIT}; must run before LWJGL's {@code GL} class is used. */
  public static synchronized void explicitInit() {
    Configuration.OPENGL_EXPLICIT_INIT.set(true);
  }

  /** Creates LWJGL's OpenGL function provider from {@code provider} unless one exists already. */
  public static synchronized void ensure(FunctionProvider provider) {
    explicitInit();
    if (GL.getFunctionProvider() == null) {
      GL.create(provider);
      source = Source.EGL;
    }
  }

  /** Creates LWJGL's OpenGL function provider from the platform's OpenGL library unless one exists. */
  public static synchronized void ensureDefault() {
    explicitInit();
    if (GL.getFunctionProvider() == null) {
      GL.create();
      source = Source.PLATFORM;
    }
  }
}
