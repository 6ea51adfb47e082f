package io.jimagecuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jimagecuda.testing.JavaProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LWJGL's native libraries, extracted so that JVMs starting together cannot crash each other (LWJGL 3.4.3 on its
 * own: 8 of 120 JVMs died with SIGBUS, started 8 at a time on a fresh temporary directory, measured on the
 * 2-core development machine and on the H200).
 */
class NativeLibrariesTest {
  private static final String CORE = "linux/" + NativeLibraries.arch() + "/org/lwjgl/liblwjgl.so";

  private static boolean linuxWithNatives() {
    return System.getProperty("os.name").startsWith("Linux")
        && NativeLibrariesTest.class.getClassLoader().getResource(CORE) != null;
  }

  /** {@code jvms} children at once, each with {@code tmp} as java.io.tmpdir; their results in start order. */
  private static List<JavaProcess.Result> startTogether(Path work, Path tmp, int jvms, String... args)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jvms);
    try {
      List<Future<JavaProcess.Result>> runs = new ArrayList<>();
      for (int i = 0; i < jvms; i++) {
        Path dir = Files.createDirectories(work.resolve("jvm" + i));
        runs.add(pool.submit(() -> JavaProcess.runMain(dir, List.of("-Djava.io.tmpdir=" + tmp), Child.class, 120,
            args)));
      }
      List<JavaProcess.Result> results = new ArrayList<>();
      for (Future<JavaProcess.Result> f : runs) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String line(JavaProcess.Result r, String key) {
    return r.out().lines().filter(l -> l.startsWith(key + "=")).findFirst()
        .map(l -> l.substring(key.length() + 1)).orElseThrow(() -> new AssertionError("no " + key + ": " + r));
  }

  @Test
  void jvmsStartingTogetherOnAFreshMachineAllLoadLwjglFromOneWholeFile(@TempDir Path work) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    byte[] jar;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CORE)) {
      jar = in.readAllBytes();
    }
    for (int round = 0; round < 6; round++) {
      Path tmp = Files.createDirectories(work.resolve("tmp" + round)); // a machine that never ran LWJGL
      List<JavaProcess.Result> results = startTogether(work.resolve("round" + round), tmp, 8);
      String path = null;
      for (JavaProcess.Result r : results) {
        assertEquals(0, r.exit(), "round " + round + ": " + r);
        String lib = line(r, "prepared");
        assertTrue(lib.startsWith(tmp.resolve("jimagecuda-natives-").toString()), r.toString());
        assertEquals(lib, line(r, "extractpath"), r.toString());
        // LWJGL loaded a link to the file we extracted, in a directory of the process's own
        assertEquals(Path.of(lib, "liblwjgl.so"), Path.of(line(r, "mapped")), r.toString());
        String shared = lib.substring(0, lib.lastIndexOf(".pid-"));
        assertTrue(path == null || path.equals(shared), "every JVM links the same files: " + r);
        path = shared;
      }
      assertArrayEquals(jar, Files.readAllBytes(Path.of(path, "liblwjgl.so")));
      try (var files = Files.walk(tmp)) {
        assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp") || f.toString().contains(".pid-"))
            .toList(), "temporary files or per-process directories left");
      }
      assertFalse(Files.exists(tmp.resolve("lwjgl_" + System.getProperty("user.name"))), "LWJGL extracted on its own");
    }
  }

  @Test
  void anIntactLibraryIsReusedAndADamagedOneReplaced(@TempDir Path base) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    ClassLoader loader = getClass().getClassLoader();
    List<String> core = List.of(CORE);
    Path dir = NativeLibraries.extract(loader, core, base, NativeLibraries.arch());
    Path lib = dir.resolve("liblwjgl.so");
    byte[] whole = Files.readAllBytes(lib);
    try (InputStream in = loader.getResourceAsStream(CORE)) {
      assertArrayEquals(in.readAllBytes(), whole);
    }
    assertTrue(dir.getFileName().toString().matches(NativeLibraries.arch() + "-[0-9a-f]{16}"), dir.toString());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));

    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(lib, old);
    assertEquals(dir, NativeLibraries.extract(loader, core, base, NativeLibraries.arch()));
    assertEquals(old, Files.getLastModifiedTime(lib), "an intact file is not written again");

    Files.write(lib, java.util.Arrays.copyOf(whole, whole.length / 2)); // what a crashed writer leaves
    NativeLibraries.extract(loader, core, base, NativeLibraries.arch());
    assertArrayEquals(whole, Files.readAllBytes(lib));
  }

  @Test
  void directoriesOfProcessesThatEndedAreRemovedAndOthersKept(@TempDir Path base) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    ClassLoader loader = getClass().getClassLoader();
    Path shared = NativeLibraries.extract(loader, List.of(CORE), base, NativeLibraries.arch());
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path stale = Files.createDirectories(shared.resolveSibling(shared.getFileName() + ".pid-" + ended.pid()));
    Files.createLink(stale.resolve("liblwjgl.so"), shared.resolve("liblwjgl.so"));
    Path alive = Files.createDirectories(shared.resolveSibling(shared.getFileName() + ".pid-"
        + ProcessHandle.current().parent().orElseThrow().pid()));
    Path unrelated = Files.createDirectories(base.resolve("x64-other.pid-1"));

    Path own = NativeLibraries.ownDirectory(shared);
    assertFalse(Files.exists(stale), "the directory of a process that ended is removed");
    assertTrue(Files.isDirectory(alive), "a running process's directory is kept");
    assertTrue(Files.isDirectory(unrelated), "another set of libraries is not touched");
    assertEquals(shared.getFileName() + ".pid-" + ProcessHandle.current().pid(), own.getFileName().toString());
    Path link = own.resolve("liblwjgl.so");
    assertEquals(Files.getAttribute(shared.resolve("liblwjgl.so"), "unix:ino"), Files.getAttribute(link, "unix:ino"),
        "a hard link, not a copy");
    assertTrue(Files.isRegularFile(shared.resolve("liblwjgl.so")), "the shared file stays");
  }

  @Test
  void aDirectoryOthersCanWriteToIsNotUsed(@TempDir Path work) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path shared = tmp.resolve("jimagecuda-natives-" + System.getProperty("user.name"));
    Files.createDirectories(shared);
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    JavaProcess.Result r = startTogether(work, tmp, 1).get(0);
    assertEquals(0, r.exit(), r.toString());
    String lib = line(r, "prepared");
    assertFalse(lib.startsWith(shared.toString()), "a world-writable directory was used: " + r);
    assertEquals(Path.of(lib, "liblwjgl.so"), Path.of(line(r, "mapped")), r.toString());
    assertTrue(lib.startsWith(tmp.toString()), r.toString());
    assertFalse(Files.exists(Path.of(lib)), "the process's own directory is gone after it: " + lib);
    try (var files = Files.list(shared)) {
      assertEquals(0, files.count(), "nothing written to the world-writable directory");
    }
  }

  @Test
  void lwjglSettingsOfTheUserAreLeftAlone(@TempDir Path work) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    Path own = Files.createDirectories(work.resolve("own"));
    JavaProcess.Result r = JavaProcess.runMain(work, List.of("-Djava.io.tmpdir=" + work,
        "-Dorg.lwjgl.librarypath=" + own), Child.class, 120);
    assertEquals(0, r.exit(), r.toString());
    assertEquals("null", line(r, "prepared"), r.toString());
    assertEquals("null", line(r, "extractpath"), r.toString());
    assertNotEquals(own.toString(), Path.of(line(r, "mapped")).getParent().toString(), "LWJGL found none there");
    assertFalse(Files.exists(work.resolve("jimagecuda-natives-" + System.getProperty("user.name"))));
  }

  @Test
  void anUnwritableTemporaryDirectoryLeavesTheLoadingToLwjgl(@TempDir Path work) throws Exception {
    assumeTrue(linuxWithNatives(), "LWJGL's Linux natives are not on the class path");
    Path notADirectory = Files.writeString(work.resolve("tmp"), "a file");
    Path home = Files.createDirectories(work.resolve("home"));
    JavaProcess.Result r = JavaProcess.runMain(work, List.of("-Djava.io.tmpdir=" + notADirectory,
        "-Duser.home=" + home, "-Djimagecuda.debug=true"), Child.class, 120);
    assertEquals(0, r.exit(), "the process goes on: " + r);
    assertEquals("null", line(r, "prepared"), r.toString());
    assertTrue(r.err().contains("LWJGL extracts them itself"), r.toString());
    // LWJGL's own fallbacks: the working directory (here), then user.home
    assertTrue(line(r, "mapped").startsWith(work.toString()) && !line(r, "mapped").contains("jimagecuda-natives"),
        r.toString());
  }

  /** Prepares, loads LWJGL's library and prints where it came from. */
  static final class Child {
    public static void main(String[] args) throws IOException {
      Path prepared = NativeLibraries.prepare();
      org.lwjgl.system.Library.initialize();
      System.out.println("prepared=" + prepared);
      System.out.println("extractpath=" + System.getProperty(NativeLibraries.EXTRACT_PATH));
      String mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .filter(l -> l.endsWith("/liblwjgl.so")).map(l -> l.substring(l.indexOf('/'))).findFirst().orElse("none");
      System.out.println("mapped=" + mapped);
    }
  }
}
