package io.jimagecuda.gl.context;

import io.jimagecuda.Config;
import io.jimagecuda.internal.NativeLibraries;
import io.jimagecuda.gl.internal.Libc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Prepares the process for CUDA-OpenGL interop before OpenGL starts, and explains interop failures.
 *
 * <p><b>The NVIDIA name trap.</b> NVIDIA's OpenGL driver keeps a table of applications that get special
 * settings, and it recognises a process by the file names of the libraries it has loaded. LWJGL's own
 * native library is called {@code liblwjgl.so}, and that name is in the table: such a process gets the
 * driver's "threaded optimizations", which serve the GL context from a driver thread. CUDA then no
 * longer sees the context as current, and registration fails with error 219
 * ({@code CUDA_ERROR_INVALID_GRAPHICS_CONTEXT}). Setting {@code __GL_THREADED_OPTIMIZATIONS=0} in the
 * process environment before the first EGL, GLX or GLFW call turns the profile off.
 *
 * <p>{@link #prepare()} sets that variable through the C library (Java's {@code System.getenv} cannot
 * change it; the driver reads the real environment). JImageCUDA's {@link EglContext} and
 * {@link GlfwContext} call it before they start OpenGL; a program that creates its own window must call
 * it first, before {@code glfwInit()}. It is harmless on other drivers. Opt out with
 * {@code -Djimagecuda.gl.threadedOptimizationsFix=false} (see {@link Config}); a value the user already
 * set in the environment is left alone.
 */
public final class GlEnvironment {
  /** The driver's environment variable. */
  public static final String VARIABLE = "__GL_THREADED_OPTIMIZATIONS";
  /** CUDA's {@code CUDA_ERROR_INVALID_GRAPHICS_CONTEXT}. */
  public static final int CUDA_ERROR_INVALID_GRAPHICS_CONTEXT = 219;

  /** What {@link #prepare()} did. */
  public enum FixState {
    /** {@link #prepare()} has not run. */
    NOT_RUN,
    /** The variable was set to 0 before NVIDIA's OpenGL driver was loaded. */
    APPLIED,
    /** The variable was set to 0, but NVIDIA's OpenGL driver was already loaded: it may be too late. */
    APPLIED_LATE,
    /** The environment already had a value for the variable; it was left as it is. */
    USER_VALUE,
    /** Turned off with {@code jimagecuda.gl.threadedOptimizationsFix=false}. */
    OPTED_OUT
  }

  private static FixState state = FixState.NOT_RUN;

  private GlEnvironment() {
  }

  /**
   * Sets {@code __GL_THREADED_OPTIMIZATIONS=0} in the process environment unless the user opted out or
   * already set it. Call before any OpenGL, EGL or GLFW initialisation; later calls do nothing.
   *
   * @return what was done
   */
  public static synchronized FixState prepare() {
    if (state != FixState.NOT_RUN) {
      return state;
    }
    NativeLibraries.prepare(); // before LWJGL loads its libraries (Libc below is the first): see there
    if (!Config.glThreadedOptimizationsFix()) {
      state = FixState.OPTED_OUT;
      Config.log("GL: " + VARIABLE + " fix turned off by jimagecuda.gl.threadedOptimizationsFix=false");
      return state;
    }
    String existing = Libc.getenv(VARIABLE);
    if (existing != null) {
      state = FixState.USER_VALUE;
      Config.log("GL: " + VARIABLE + "=" + existing + " already set; left as it is");
      return state;
    }
    if (Libc.setenv(VARIABLE, "0", true) != 0) {
      throw new IllegalStateException("setenv(" + VARIABLE + ", 0) failed in the C library");
    }
    String loaded = nvidiaGlDriverLoaded(maps());
    state = loaded == null ? FixState.APPLIED : FixState.APPLIED_LATE;
    if (loaded != null) {
      System.err.println("[jimagecuda] warning: " + VARIABLE + "=0 was set after NVIDIA's OpenGL driver ("
          + loaded + ") was loaded; CUDA-OpenGL interop may fail with error 219. Call "
          + "GlEnvironment.prepare() before glfwInit() or any EGL call.");
    } else {
      Config.log("GL: set " + VARIABLE + "=0 before OpenGL starts");
    }
    return state;
  }

  /** {@return what {@link #prepare()} did so far} */
  public static synchronized FixState state() {
    return state;
  }

  /** {@return the variable's value in the real process environment, or {@code null} if unset} */
  public static @Nullable String variable() {
    return Libc.getenv(VARIABLE);
  }

  /** {@return the path of a mapped library file named {@code liblwjgl.so} or {@code liblwjgl64.so}, if any} */
  public static Optional<String> trapLibrary() {
    return Optional.ofNullable(trapLibrary(maps()));
  }

  /**
   * Advice to append to the message of a failed CUDA-OpenGL interop call: for error 219 the exact cause
   * (the name trap, when it applies) and the fix; for other errors what to check.
   *
   * @param cudaError the {@code CUresult} of the failed call
   * @return one or two sentences
   */
  public static String interopAdvice(int cudaError) {
    return interopAdvice(cudaError, maps(), variable(), state());
  }

  /** {@link #interopAdvice(int)} on given inputs (the text of /proc/self/maps, the variable, the fix state). */
  static String interopAdvice(int cudaError, String maps, @Nullable String variable, FixState fix) {
    String trap = trapLibrary(maps);
    if (cudaError == CUDA_ERROR_INVALID_GRAPHICS_CONTEXT && trap != null && !"0".equals(variable)) {
      String why = switch (fix) {
        case OPTED_OUT -> "the fix is turned off (jimagecuda.gl.threadedOptimizationsFix=false)";
        case USER_VALUE -> "the environment sets it to '" + variable + "'";
        case APPLIED_LATE -> "it was set only after NVIDIA's OpenGL driver had loaded";
        default -> variable == null ? "it is not set" : "it is '" + variable + "'";
      };
      return "Cause: this process has loaded a library file named " + Path.of(trap).getFileName() + " (" + trap
          + "). NVIDIA's OpenGL driver gives processes that load a file of that name its 'threaded "
          + "optimizations' profile, and then CUDA does not see the OpenGL context as current. " + VARIABLE
          + " turns that off only when it is 0 before the driver loads, and " + why + ". Fix: call "
          + "io.jimagecuda.gl.context.GlEnvironment.prepare() before glfwInit() or any EGL call (JImageCUDA's "
          + "EglContext and GlfwContext do it), or start Java with " + VARIABLE + "=0 in the environment";
    }
    if (cudaError == CUDA_ERROR_INVALID_GRAPHICS_CONTEXT) {
      return "Check that the OpenGL context is current on this thread, that it runs on the NVIDIA GPU that "
          + "CUDA uses (not an integrated GPU, VirtualGL or a remote session), and that the buffer was "
          + "created in that context";
    }
    if (cudaError == 999) {
      return "CUDA could not reach the OpenGL driver (seen with VirtualGL's EGL back end and remote "
          + "sessions); use GLResource's CPU path (PresentPath.CPU_UPLOAD)";
    }
    return "Check that the OpenGL context is current on this thread and on the NVIDIA GPU that CUDA uses, "
        + "and that the buffer exists and has storage (glBufferData)";
  }

  static @Nullable String trapLibrary(String maps) {
    for (String line : maps.split("\n")) {
      int slash = line.lastIndexOf('/');
      if (slash >= 0) {
        String name = line.substring(slash + 1).trim();
        if (name.equals("liblwjgl.so") || name.equals("liblwjgl64.so")) {
          return line.substring(line.indexOf('/')).trim();
        }
      }
    }
    return null;
  }

  static @Nullable String nvidiaGlDriverLoaded(String maps) {
    for (String line : maps.split("\n")) {
      int slash = line.lastIndexOf('/');
      String name = slash >= 0 ? line.substring(slash + 1).trim() : "";
      if (name.startsWith("libnvidia-glcore") || name.startsWith("libnvidia-eglcore")
          || name.startsWith("libGLX_nvidia") || name.startsWith("libEGL_nvidia")) {
        return name;
      }
    }
    return null;
  }

  private static String maps() {
    try {
      return Files.readString(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
