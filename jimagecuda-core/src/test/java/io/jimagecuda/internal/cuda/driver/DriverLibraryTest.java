package io.jimagecuda.internal.cuda.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DriverLibrary}: "missing" only where the dynamic linker could not find the library either. */
class DriverLibraryTest {
  private static final String LIB = "libcuda.so.1";

  @TempDir
  Path dir;

  private Path cache(String content) throws IOException {
    return Files.write(dir.resolve("ld.so.cache"), content.getBytes(StandardCharsets.ISO_8859_1));
  }

  private Path emptyDir(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  @Test
  void missingWhenInNoSearchedPlace() throws IOException {
    Path cache = cache("glibc-ld.so.cache1.1\0libc.so.6\0/usr/lib/libc.so.6\0libcuda.so.12\0xlibcuda.so.1\0");
    Optional<String> why = DriverLibrary.missing(LIB, emptyDir("a") + ":" + emptyDir("b"), cache,
        List.of(emptyDir("lib").toString()));
    assertTrue(why.isPresent(), "libcuda.so.12 and xlibcuda.so.1 are other libraries");
    assertTrue(why.get().startsWith("The NVIDIA driver library (libcuda.so.1) is not installed"), why.get());
    assertTrue(why.get().endsWith("Install the NVIDIA driver, or use the CPU backend"), why.get());
  }

  @Test
  void foundInTheLinkerCacheAsANameOrAsThePathTail() throws IOException {
    List<String> none = List.of(emptyDir("lib").toString());
    assertEquals(Optional.empty(), DriverLibrary.missing(LIB, null, cache("x\0libcuda.so.1\0/p/libcuda.so.1\0"), none));
    assertEquals(Optional.empty(), DriverLibrary.missing(LIB, null, cache("x\0/usr/lib/wsl/lib/libcuda.so.1\0"), none));
  }

  @Test
  void foundInLdLibraryPathOrADefaultDirectory() throws IOException {
    Path cache = cache("nothing\0");
    Path found = emptyDir("found");
    Files.createFile(found.resolve(LIB));
    assertEquals(Optional.empty(), DriverLibrary.missing(LIB, emptyDir("a") + ":" + found, cache, List.of()));
    assertEquals(Optional.empty(), DriverLibrary.missing(LIB, null, cache, List.of(found.toString())));
  }

  @Test
  void unknownWithoutALinkerCache() throws IOException {
    assertEquals(Optional.empty(), DriverLibrary.missing(LIB, null, dir.resolve("no-cache"),
        List.of(emptyDir("lib").toString())));
  }

  @Test
  void aPathIsMissingOnlyWhenNoFileIsThere() throws IOException {
    Path lib = Files.createFile(dir.resolve("libcuda.so.1"));
    Path cache = cache("nothing\0");
    assertEquals(Optional.empty(), DriverLibrary.missing(lib.toString(), null, cache, List.of()));
    Optional<String> why = DriverLibrary.missing(dir.resolve("nope/libcuda.so.1").toString(), null, cache,
        List.of());
    assertTrue(why.isPresent() && why.get().contains("does not exist"), why.toString());
  }
}
