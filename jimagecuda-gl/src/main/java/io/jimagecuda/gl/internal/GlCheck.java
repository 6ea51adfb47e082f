package io.jimagecuda.gl.internal;

import io.jimagecuda.gl.GlException;
import org.lwjgl.egl.EGL10;
import org.lwjgl.opengl.GL11;

/**
 * Turns OpenGL and EGL error codes into {@link GlException}s that name the operation, the error and
 * what to do. OpenGL reports errors through {@code glGetError}, so a check covers every call since the
 * previous check: call {@link #check} after each group of calls that belong to one operation.
 */
public final class GlCheck {
  private GlCheck() {
  }

  /** Throws if OpenGL recorded an error since the last check; drains every queued error. */
  public static void check(String operation) {
    check(operation, null);
  }

  /** Like {@link #check(String)}, adding what the user can do. */
  public static void check(String operation, String advice) {
    int error = GL11.glGetError();
    if (error == GL11.GL_NO_ERROR) {
      return;
    }
    StringBuilder names = new StringBuilder(glErrorName(error));
    for (int more = GL11.glGetError(), guard = 0; more != GL11.GL_NO_ERROR && guard < 16;
        more = GL11.glGetError(), guard++) {
      names.append(", ").append(glErrorName(more));
    }
    String msg = operation + " failed: " + names + (advice == null ? "" : ". " + advice);
    throw new GlException(glErrorName(error), msg);
  }

  /** Discards errors left by earlier code that did not check, so they are not blamed on the next operation. */
  public static void clear() {
    for (int guard = 0; guard < 16 && GL11.glGetError() != GL11.GL_NO_ERROR; guard++) {
      // drain
    }
  }

  /** Throws for a failed EGL call ({@code ok == false}), naming {@code eglGetError()}. */
  public static void checkEgl(String call, boolean ok, String advice) {
    if (!ok) {
      int error = EGL10.eglGetError();
      throw new GlException(eglErrorName(error), call + " failed: " + eglErrorName(error)
          + (advice == null ? "" : ". " + advice));
    }
  }

  /** The name of an OpenGL error code. */
  public static String glErrorName(int error) {
    return switch (error) {
      case 0x0500 -> "GL_INVALID_ENUM";
      case 0x0501 -> "GL_INVALID_VALUE";
      case 0x0502 -> "GL_INVALID_OPERATION";
      case 0x0503 -> "GL_STACK_OVERFLOW";
      case 0x0504 -> "GL_STACK_UNDERFLOW";
      case 0x0505 -> "GL_OUT_OF_MEMORY";
      case 0x0506 -> "GL_INVALID_FRAMEBUFFER_OPERATION";
      case 0x0507 -> "GL_CONTEXT_LOST";
      default -> String.format("GL error 0x%04X", error);
    };
  }

  /** The name of an EGL error code. */
  public static String eglErrorName(int error) {
    return switch (error) {
      case 0x3000 -> "EGL_SUCCESS";
      case 0x3001 -> "EGL_NOT_INITIALIZED";
      case 0x3002 -> "EGL_BAD_ACCESS";
      case 0x3003 -> "EGL_BAD_ALLOC";
      case 0x3004 -> "EGL_BAD_ATTRIBUTE";
      case 0x3005 -> "EGL_BAD_CONFIG";
      case 0x3006 -> "EGL_BAD_CONTEXT";
      case 0x3007 -> "EGL_BAD_CURRENT_SURFACE";
      case 0x3008 -> "EGL_BAD_DISPLAY";
      case 0x3009 -> "EGL_BAD_MATCH";
      case 0x300A -> "EGL_BAD_NATIVE_PIXMAP";
      case 0x300B -> "EGL_BAD_NATIVE_WINDOW";
      case 0x300C -> "EGL_BAD_PARAMETER";
      case 0x300D -> "EGL_BAD_SURFACE";
      case 0x300E -> "EGL_CONTEXT_LOST";
      case 0x322B -> "EGL_BAD_DEVICE_EXT";
      default -> String.format("EGL error 0x%04X", error);
    };
  }
}
