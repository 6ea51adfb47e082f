package io.jimagecuda;

import org.jspecify.annotations.Nullable;

/**
 * Every setting of the library, read from a system property or else an environment variable. Read when
 * first needed; set properties before the first image is created.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>environment</th><th>meaning</th></tr>
 * <tr><td>{@code jimagecuda.backend}</td><td>{@code JIMAGECUDA_BACKEND}</td>
 *     <td>{@code cpu} or {@code cuda}: the default backend; unset = CUDA when available, else CPU</td></tr>
 * <tr><td>{@code jimagecuda.cpu.threads}</td><td>{@code JIMAGECUDA_CPU_THREADS}</td>
 *     <td>threads of the CPU backend; default: available processors</td></tr>
 * <tr><td>{@code jimagecuda.cuda.device}</td><td>{@code JIMAGECUDA_CUDA_DEVICE}</td>
 *     <td>CUDA device ordinal; default 0</td></tr>
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
 * </table>
 */
public final class Config {
  /**
   * The default of {@link #loadMaxPixels()}: 2 × 89,478,485 pixels, the size above which Pillow refuses an
   * image as a decompression bomb (about 13,377 × 13,377; 716 MB as 8-bit RGBA, 2.9 GB as float).
   */
  public static final long DEFAULT_LOAD_MAX_PIXELS = 178_956_970L;

  private Config() {
  }

  /** {@return the requested default backend, or {@code null} when unset (automatic choice)} */
  public static @Nullable BackendKind requestedBackend() {
    String v = value("jimagecuda.backend", "JIMAGECUDA_BACKEND");
    return v == null || v.isBlank() ? null : BackendKind.parse(v);
  }

  /**
   * {@return the number of threads of the CPU backend (at least 1)}
   *
   * @throws IllegalArgumentException if the setting is not an integer
   */
  public static int cpuThreads() {
    String v = value("jimagecuda.cpu.threads", "JIMAGECUDA_CPU_THREADS");
    if (v == null || v.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      return Math.max(1, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("jimagecuda.cpu.threads must be an integer, got '" + v + "'");
    }
  }

  /**
   * {@return the CUDA device ordinal to use}
   *
   * @throws IllegalArgumentException if the setting is not an integer
   */
  public static int cudaDevice() {
    String v = value("jimagecuda.cuda.device", "JIMAGECUDA_CUDA_DEVICE");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("jimagecuda.cuda.device must be an integer, got '" + v + "'");
    }
  }

  /** {@return the driver library to load: a name the dynamic linker searches, or a path} */
  public static String cudaLibrary() {
    String v = value("jimagecuda.cuda.library", "JIMAGECUDA_CUDA_LIBRARY");
    return v == null || v.isBlank() ? "libcuda.so.1" : v.trim();
  }

  /**
   * {@return whether the OpenGL module sets {@code __GL_THREADED_OPTIMIZATIONS=0} in the process environment
   * before OpenGL starts (default {@code true})}
   */
  public static boolean glThreadedOptimizationsFix() {
    String v = value("jimagecuda.gl.threadedOptimizationsFix", "JIMAGECUDA_GL_THREADED_OPTIMIZATIONS_FIX");
    return v == null || v.isBlank() || !(v.trim().equalsIgnoreCase("false") || v.trim().equals("0"));
  }

  /** {@return whether the zero-copy present path may use GPU semaphores (see the table)} */
  public static boolean glSemaphores() {
    String v = value("jimagecuda.gl.semaphores", "JIMAGECUDA_GL_SEMAPHORES");
    return v == null || v.isBlank() || !(v.trim().equalsIgnoreCase("false") || v.trim().equals("0"));
  }

  /**
   * {@return the most pixels ({@code width × height}) an image file may declare for {@code Images.load} to
   * decode it, unless the call sets its own limit}
   *
   * @throws IllegalArgumentException naming the setting and the accepted values if it is not a positive
   *     integer; nothing is cached, so correcting the setting fixes later calls
   */
  public static long loadMaxPixels() {
    String v = value("jimagecuda.load.maxPixels", "JIMAGECUDA_LOAD_MAX_PIXELS");
    if (v == null || v.isBlank()) {
      return DEFAULT_LOAD_MAX_PIXELS;
    }
    long pixels;
    try {
      pixels = Long.parseLong(v.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      pixels = -1;
    }
    if (pixels < 1) {
      throw new IllegalArgumentException("jimagecuda.load.maxPixels (environment JIMAGECUDA_LOAD_MAX_PIXELS) "
          + "must be a positive integer (pixels; default " + DEFAULT_LOAD_MAX_PIXELS + "), got '" + v + "'");
    }
    return pixels;
  }

  /**
   * {@return whether damaged image files load as far as they decode instead of failing (default
   * {@code false})}
   *
   * @throws IllegalArgumentException naming the setting and the accepted values if it is not {@code true},
   *     {@code false}, {@code 1} or {@code 0}
   */
  public static boolean loadAcceptTruncated() {
    String v = value("jimagecuda.load.acceptTruncated", "JIMAGECUDA_LOAD_ACCEPT_TRUNCATED");
    if (v == null || v.isBlank()) {
      return false;
    }
    String t = v.trim();
    if (t.equalsIgnoreCase("true") || t.equals("1")) {
      return true;
    }
    if (t.equalsIgnoreCase("false") || t.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("jimagecuda.load.acceptTruncated (environment "
        + "JIMAGECUDA_LOAD_ACCEPT_TRUNCATED) must be true, false, 1 or 0, got '" + v + "'");
  }

  /** {@return whether debug logging is on} */
  public static boolean debug() {
    String v = value("jimagecuda.debug", "JIMAGECUDA_DEBUG");
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
  }

  /**
   * Prints {@code message} to stderr when {@link #debug()} is on.
   *
   * @param message one line, without the {@code [jimagecuda]} prefix
   */
  public static void log(String message) {
    if (debug()) {
      System.err.println("[jimagecuda] " + message);
    }
  }

  private static @Nullable String value(String property, String env) {
    String v = System.getProperty(property);
    if (v == null) {
      v = System.getenv(env);
    }
    return v;
  }
}
