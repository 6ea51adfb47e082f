package io.jimagecuda;

import org.jspecify.annotations.Nullable;

/**
 * The two compute backends. Both give the same results; {@link #CUDA} runs on an NVIDIA GPU through the
 * driver API, {@link #CPU} is pure multi-threaded Java and is the reference the GPU is checked against.
 *
 * <p>The default is chosen by {@link JImageCuda#defaultBackend()}: CUDA when the driver loads, a device
 * exists and the kernels were built, else CPU. Override it with {@code -Djimagecuda.backend=cpu|cuda} or
 * the environment variable {@code JIMAGECUDA_BACKEND}.
 */
public enum BackendKind {
  /** Pure Java, multi-threaded; runs everywhere. */
  CPU,
  /** NVIDIA GPU through the CUDA driver API; needs only the NVIDIA driver. */
  CUDA;

  /**
   * Parses {@code "cpu"} or {@code "cuda"} (any case, surrounding blanks ignored).
   *
   * @param name the name
   * @return the backend of that name
   * @throws IllegalArgumentException for any other name, {@code null} included
   */
  public static BackendKind parse(@Nullable String name) {
    if (name != null) {
      for (BackendKind k : values()) {
        if (k.name().equalsIgnoreCase(name.trim())) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException("Unknown backend '" + name + "': expected cpu or cuda");
  }

  /** {@return the lower-case name used on the command line and in properties} */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
