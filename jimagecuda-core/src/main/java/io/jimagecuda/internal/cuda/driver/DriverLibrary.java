package io.jimagecuda.internal.cuda.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds out, without loading LWJGL or the library, whether {@code dlopen} could find the CUDA driver
 * library at all. On a machine without the NVIDIA driver this spares the CUDA probe (loading LWJGL and its
 * native library, about a quarter of a second of startup, and on JDK 22+ the JDK's native-access
 * warnings) when the default backend is chosen.
 *
 * <p>It answers "missing" only when sure: on Linux, for a library name without a slash, when the name is
 * in none of the places the dynamic linker searches ({@code LD_LIBRARY_PATH}, the linker cache
 * {@code /etc/ld.so.cache}, the default directories), and for a path when no file is there. Whenever it
 * cannot tell (another system, no readable linker cache), it says nothing and the real probe runs.
 */
public final class DriverLibrary {
  /** The dynamic linker's cache of library names and paths (glibc). */
  static final Path LD_SO_CACHE = Path.of("/etc/ld.so.cache");

  /** Directories the dynamic linker searches after its cache (glibc's trusted directories, multiarch). */
  static final List<String> DEFAULT_DIRS = List.of("/lib64", "/usr/lib64", "/lib/x86_64-linux-gnu",
      "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib", "/usr/lib",
      "/usr/lib/wsl/lib");

  private DriverLibrary() {
  }

  /**
   * Why {@code library} certainly cannot be loaded here, or empty when it may be there (or this cannot
   * be told without trying).
   */
  public static Optional<String> missing(String library) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    String preload = System.getenv("LD_PRELOAD");
    if (preload != null && preload.contains(library)) {
      return Optional.empty(); // dlopen finds an object loaded before by its name
    }
    return missing(library, System.getenv("LD_LIBRARY_PATH"), LD_SO_CACHE, DEFAULT_DIRS);
  }

  /** {@link #missing(String)} with the search places given (for tests). */
  static Optional<String> missing(String library, @Nullable String ldLibraryPath, Path cache,
      List<String> defaultDirs) {
    if (library.indexOf('/') >= 0) {
      try {
        return Files.exists(Path.of(library)) ? Optional.empty()
            : Optional.of("The NVIDIA driver library " + library + " does not exist. Install the NVIDIA "
                + "driver, set jimagecuda.cuda.library to the right path, or use the CPU backend");
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }
    List<String> dirs = new ArrayList<>();
    if (ldLibraryPath != null) {
      for (String dir : ldLibraryPath.split(":", -1)) {
        dirs.add(dir.isEmpty() ? "." : dir);
      }
    }
    dirs.addAll(defaultDirs);
    for (String dir : dirs) {
      try {
        if (Files.exists(Path.of(dir, library))) {
          return Optional.empty();
        }
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }
    byte[] entries;
    try {
      entries = Files.readAllBytes(cache);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    if (contains(entries, (library + '\0').getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    return Optional.of("The NVIDIA driver library (" + library + ") is not installed (it is in no directory of "
        + "LD_LIBRARY_PATH, the dynamic linker's cache or the system library directories). Install the NVIDIA "
        + "driver, or use the CPU backend");
  }

  /**
   * Whether {@code data} holds {@code part} as a NUL-terminated string or the end of one after a slash
   * (newer linker caches store a name as the tail of its path).
   */
  private static boolean contains(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      if (i > 0 && data[i - 1] != 0 && data[i - 1] != '/') {
        continue;
      }
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
