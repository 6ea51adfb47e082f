package io.jimagecuda;

import org.jspecify.annotations.Nullable;

/**
 * Every setting of the library, read from a system property or else an environment variable. Read when
 * first needed; set properties before the first image is created.
 *
 * <p>A value that is not one of the accepted ones is an error, never silently replaced by the default:
 * {@link IllegalArgumentException} naming the setting (property or variable, whichever gave the value),
 * the value and what is accepted. Nothing is cached after such an error, so every later use reports it
 * again (or works, once the setting is corrected) instead of failing with an unrelated error.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>environment</th><th>meaning</th></tr>
 * <tr><td>{@code jimagecuda.backend}</td><td>{@code JIMAGECUDA_BACKEND}</td>
 *     <td>{@code cpu} or {@code cuda}: the default backend; unset = CUDA when available, else CPU</td></tr>
 * <tr><td>{@code jimagecuda.cpu.threads}</td><td>{@code JIMAGECUDA_CPU_THREADS}</td>
 *     <td>threads of the CPU backend, 1..{@value #MAX_CPU_THREADS}; default: available processors</td></tr>
 * <tr><td>{@code jimagecuda.cuda.device}</td><td>{@code JIMAGECUDA_CUDA_DEVICE}</td>
 *     <td>CUDA device ordinal, an integer &ge; 0; default 0</td></tr>
 * <tr><td>{@code jimagecuda.cuda.library}</td><td>{@code JIMAGECUDA_CUDA_LIBRARY}</td>
 *     <td>path or name of the driver library; default {@code libcuda.so.1}</td></tr>
 * <tr><td>{@code jimagecuda.gl.threadedOptimizationsFix}</td>
 *     <td>{@code JIMAGECUDA_GL_THREADED_OPTIMIZATIONS_FIX}</td>
 *     <td>{@code false}: do not set {@code __GL_THREADED_OPTIMIZATIONS=0} before OpenGL starts (module
 *     jimagecuda-gl). The default {@code true} avoids NVIDIA's driver profile for processes that load a
 *     library named {@code liblwjgl.so}, which breaks CUDA-OpenGL interop (error 219)</td></tr>
 * <tr><td>{@code jimagecuda.gl.semaphores}</td><td>{@code JIMAGECUDA_GL_SEMAPHORES}</td>
 *     <td>{@code false}: the zero-copy present path hands frames over with a CPU wait (CUDA event, GL
 *     fence) instead of GPU semaphores shared by Vulkan, CUDA and OpenGL (default {@code true} where the
 *     driver offers them)</td></tr>
 * <tr><td>{@code jimagecuda.load.maxPixels}</td><td>{@code JIMAGECUDA_LOAD_MAX_PIXELS}</td>
 *     <td>the most pixels ({@code width × height}, from the file's header) that {@code Images.load} decodes; a
 *     positive integer, default {@value #DEFAULT_LOAD_MAX_PIXELS} (twice Pillow's decompression-bomb warning
 *     threshold, where Pillow refuses)</td></tr>
 * <tr><td>{@code jimagecuda.load.acceptTruncated}</td><td>{@code JIMAGECUDA_LOAD_ACCEPT_TRUNCATED}</td>
 *     <td>{@code true}: damaged files (truncated JPEG, PNG or WebP, bad PNG chunk CRCs) load as far as they
 *     decode, like Pillow's {@code LOAD_TRUNCATED_IMAGES}; default {@code false}: they fail</td></tr>
 * <tr><td>{@code jimagecuda.debug}</td><td>{@code JIMAGECUDA_DEBUG}</td>
 *     <td>{@code true}: log backend selection and library loading to stderr</td></tr>
 * <tr><td colspan="3">Switches ({@code threadedOptimizationsFix}, {@code semaphores}, {@code debug}) accept
 *     {@code true}, {@code false}, {@code 1}, {@code 0} (any case); empty means the default.</td></tr>
 * </table>
 */
public final class Config {
  /** Largest accepted {@code jimagecuda.cpu.threads}. */
  public static final int MAX_CPU_THREADS = 1024;
  /**
   * The default of {@link #loadMaxPixels()}: 2 × 89,478,485 pixels, the size above which Pillow refuses an
   * image as a decompression bomb (about 13,377 × 13,377; 716 MB as 8-bit RGBA, 2.9 GB as float).
   */
  public static final long DEFAULT_LOAD_MAX_PIXELS = 178_956_970L;

  private Config() {
  }

  /**
   * {@return the requested default backend, or {@code null} when unset (automatic choice)}
   *
   * @throws IllegalArgumentException if the setting is neither {@code cpu} nor {@code cuda}
   */
  public static @Nullable BackendKind requestedBackend() {
    Setting s = value("jimagecuda.backend", "JIMAGECUDA_BACKEND");
    if (s == null) {
      return null;
    }
    try {
      return BackendKind.parse(s.value());
    } catch (IllegalArgumentException e) {
      throw s.invalid("cpu or cuda");
    }
  }

  /**
   * {@return the number of threads of the CPU backend, 1..{@value #MAX_CPU_THREADS}}
   *
   * @throws IllegalArgumentException if the setting is not an integer in that range
   */
  public static int cpuThreads() {
    Setting s = value("jimagecuda.cpu.threads", "JIMAGECUDA_CPU_THREADS");
    if (s == null) {
      return Math.min(MAX_CPU_THREADS, Runtime.getRuntime().availableProcessors());
    }
    return s.integer(1, MAX_CPU_THREADS, "an integer in 1.." + MAX_CPU_THREADS + " (threads of the CPU backend)");
  }

  /**
   * {@return the CUDA device ordinal to use}
   *
   * @throws IllegalArgumentException if the setting is not an integer &ge; 0
   */
  public static int cudaDevice() {
    Setting s = value("jimagecuda.cuda.device", "JIMAGECUDA_CUDA_DEVICE");
    return s == null ? 0 : s.integer(0, Integer.MAX_VALUE, "a device ordinal, an integer >= 0");
  }

  /** {@return the driver library to load: a name the dynamic linker searches, or a path} */
  public static String cudaLibrary() {
    Setting s = value("jimagecuda.cuda.library", "JIMAGECUDA_CUDA_LIBRARY");
    return s == null ? "libcuda.so.1" : s.value();
  }

  /**
   * {@return whether the OpenGL module sets {@code __GL_THREADED_OPTIMIZATIONS=0} in the process environment
   * before OpenGL starts (default {@code true})}
   *
   * @throws IllegalArgumentException if the setting is not a switch value (see the table)
   */
  public static boolean glThreadedOptimizationsFix() {
    return flag(value("jimagecuda.gl.threadedOptimizationsFix", "JIMAGECUDA_GL_THREADED_OPTIMIZATIONS_FIX"), true);
  }

  /**
   * {@return whether the zero-copy present path may use GPU semaphores (see the table)}
   *
   * @throws IllegalArgumentException if the setting is not a switch value (see the table)
   */
  public static boolean glSemaphores() {
    return flag(value("jimagecuda.gl.semaphores", "JIMAGECUDA_GL_SEMAPHORES"), true);
  }

  /**
   * {@return the most pixels ({@code width × height}) an image file may declare for {@code Images.load} to
   * decode it, unless the call sets its own limit}
   *
   * @throws IllegalArgumentException naming the setting and the accepted values if it is not a positive
   *     integer; nothing is cached, so correcting the setting fixes later calls
   */
  public static long loadMaxPixels() {
    Setting s = value("jimagecuda.load.maxPixels", "JIMAGECUDA_LOAD_MAX_PIXELS");
    if (s == null) {
      return DEFAULT_LOAD_MAX_PIXELS;
    }
    try {
      long pixels = Long.parseLong(s.value().replace("_", ""));
      if (pixels >= 1) {
        return pixels;
      }
    } catch (NumberFormatException e) {
      // reported below, like a value out of range
    }
    throw s.invalid("a positive integer (pixels; default " + DEFAULT_LOAD_MAX_PIXELS + ")");
  }

  /**
   * {@return whether damaged image files load as far as they decode instead of failing (default
   * {@code false})}
   *
   * @throws IllegalArgumentException naming the setting and the accepted values if it is not {@code true},
   *     {@code false}, {@code 1} or {@code 0}
   */
  public static boolean loadAcceptTruncated() {
    Setting s = value("jimagecuda.load.acceptTruncated", "JIMAGECUDA_LOAD_ACCEPT_TRUNCATED");
    if (s == null) {
      return false;
    }
    String v = s.value();
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw s.invalid("true, false, 1 or 0");
  }

  /**
   * {@return whether debug logging is on}
   *
   * @throws IllegalArgumentException if the setting is not a switch value (see the table)
   */
  public static boolean debug() {
    return flag(value("jimagecuda.debug", "JIMAGECUDA_DEBUG"), false);
  }

  /**
   * Prints {@code message} to stderr when {@link #debug()} is on.
   *
   * @param message one line, without the {@code [jimagecuda]} prefix
   * @throws IllegalArgumentException if {@code jimagecuda.debug} is not a switch value (see the table)
   */
  public static void log(String message) {
    if (debug()) {
      System.err.println("[jimagecuda] " + message);
    }
  }

  private static boolean flag(@Nullable Setting s, boolean unset) {
    if (s == null) {
      return unset;
    }
    String v = s.value();
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw s.invalid("true or false (or 1, 0)");
  }

  /** A non-blank value and where it came from, for messages. */
  private record Setting(String name, String source, String value) {
    int integer(int min, int max, String accepted) {
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, like an integer out of range
      }
      throw invalid(accepted);
    }

    IllegalArgumentException invalid(String accepted) {
      return new IllegalArgumentException("Invalid setting " + name + " (" + source + "): must be " + accepted
          + ", got '" + value + "'");
    }
  }

  /** The trimmed value of the property, else of the variable; {@code null} when unset or blank. */
  private static @Nullable Setting value(String property, String env) {
    String v = System.getProperty(property);
    if (v != null) {
      return v.isBlank() ? null : new Setting(property, "system property", v.trim());
    }
    v = System.getenv(env);
    return v == null || v.isBlank() ? null : new Setting(env, "environment variable", v.trim());
  }
}
