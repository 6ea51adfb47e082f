package io.jimagecuda.internal;

import io.jimagecuda.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Extracts LWJGL's native libraries so that processes starting at the same time cannot crash each other.
 *
 * <p>LWJGL 3.4 extracts each native library from its jar into one shared directory ({@code
 * java.io.tmpdir/lwjgl_USER/...}) by rewriting the file in place when it is missing or differs. Two JVMs that
 * start together on a machine where it is not yet there (a fresh batch node, Spark executors, parallel test
 * forks) race: one maps the file while the other is still writing it, and the first dies with {@code SIGBUS}
 * in the dynamic linker. Measured with 8 JVMs started at a time on a fresh directory: 16 of 120 failed on a
 * 2-core machine, 4 of 80 on the H200.
 *
 * <p>{@link #prepare()} writes the libraries to temporary files and renames them into place (atomic on one file
 * system), so a reader sees either no file or a whole one, checked against LWJGL's own SHA-1. Their directory
 * is named after their checksums, {@code java.io.tmpdir/jimagecuda-natives-USER/ARCH-SHA1/}, so a file, once
 * there, never changes, whatever LWJGL versions other processes use. Each process then gets a directory of
 * its own next to it, {@code ARCH-SHA1.pid-PID/}, holding hard links to those files (no copy; removed at exit,
 * or by a later process if this one was killed), and LWJGL's extract path ({@code
 * org.lwjgl.system.SharedLibraryExtractPath}) names it: LWJGL finds each file there with the right checksum
 * and loads it without writing. A directory of its own, because LWJGL first checks that it can write there
 * with a test file of a fixed name, which fails when another process deletes it at the same moment, and then
 * falls back to its shared default directory. The directories are owner-only; if another user owns them or
 * can write to them, a private directory of this process is used instead. A user who sets LWJGL's extract
 * path, extract directory or library path is left alone.
 *
 * <p>JImageCUDA calls it before its first use of LWJGL (the CUDA backend, {@code GlEnvironment.prepare()}); a
 * program that uses LWJGL before JImageCUDA gets LWJGL's own extraction.
 */
public final class NativeLibraries {
  /** LWJGL's property: the directory its loader extracts to, and loads from. */
  public static final String EXTRACT_PATH = "org.lwjgl.system.SharedLibraryExtractPath";
  /** LWJGL's properties that, set by the user, leave extraction to LWJGL. */
  static final List<String> USER_SETTINGS =
      List.of(EXTRACT_PATH, "org.lwjgl.system.SharedLibraryExtractDirectory", "org.lwjgl.librarypath");

  /** The libraries JImageCUDA's modules load, as resource paths under {@code linux/ARCH/}. */
  static final List<String> LIBRARIES =
      List.of("org/lwjgl/liblwjgl.so", "org/lwjgl/opengl/liblwjgl_opengl.so", "org/lwjgl/glfw/libglfw.so");

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private static @Nullable Path directory;
  private static boolean done;
  /** Set when the shared directory could not be used: what is extracted is deleted at exit. */
  private static boolean temporary;

  private NativeLibraries() {
  }

  /**
   * Extracts the LWJGL libraries on the class path (once per process) and sets LWJGL's extract path to their
   * directory. Does nothing off Linux, without LWJGL's natives on the class path, or when the user set one of
   * LWJGL's loader settings.
   *
   * <p>If they cannot be written (no writable {@code java.io.tmpdir}), LWJGL extracts them as it would without
   * this class; {@code -Djimagecuda.debug=true} logs why.
   *
   * @return the directory, or {@code null} when nothing was done
   */
  public static synchronized @Nullable Path prepare() {
    if (done) {
      return directory;
    }
    done = true;
    try {
      directory = extractAll();
    } catch (RuntimeException e) { // UncheckedIOException included
      // No worse than before: LWJGL extracts them itself (and reports its own failure, if it has one). Never
      // thrown on: the callers are class initialisers, which an exception would break for the whole process.
      Config.log("LWJGL natives: " + e.getMessage() + "; LWJGL extracts them itself");
      directory = null;
    }
    return directory;
  }

  private static @Nullable Path extractAll() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
        || USER_SETTINGS.stream().anyMatch(k -> System.getProperty(k) != null)) {
      return null;
    }
    String arch = arch();
    ClassLoader loader = NativeLibraries.class.getClassLoader();
    List<String> present = LIBRARIES.stream().map(l -> "linux/" + arch + "/" + l)
        .filter(l -> loader.getResource(l) != null).toList();
    if (present.isEmpty()) {
      return null;
    }
    Path own = ownDirectory(extract(loader, present, baseDirectory(), arch));
    System.setProperty(EXTRACT_PATH, own.toString());
    Config.log("LWJGL native libraries ready in " + own);
    return own;
  }

  /** {@return LWJGL's name for this machine's architecture} */
  static String arch() {
    String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (a) {
      case "aarch64", "arm64" -> "arm64";
      case "arm", "armv7l", "aarch32" -> "arm32";
      case "ppc64le" -> "ppc64le";
      case "riscv64" -> "riscv64";
      default -> "x64";
    };
  }

  /**
   * The per-user directory, created owner-only; a fresh private one when it belongs to someone else or others
   * may write to it (they could swap a library between our check and the load).
   */
  static Path baseDirectory() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    Path base = tmp.resolve("jimagecuda-natives-" + user);
    try {
      Files.createDirectories(base, OWNER_ONLY);
      if (isPrivate(base)) {
        return base;
      }
      Config.log("LWJGL natives: " + base + " is not private to this user; using a directory of this process");
    } catch (IOException | RuntimeException e) {
      Config.log("LWJGL natives: cannot use " + base + " (" + reason(e) + "); using a directory of this process");
    }
    try {
      Path own = Files.createTempDirectory("jimagecuda-natives-", OWNER_ONLY);
      own.toFile().deleteOnExit();
      temporary = true;
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for LWJGL's native libraries in " + tmp + ": "
          + reason(e) + ". Set java.io.tmpdir to a writable directory", e);
    }
  }

  /** {@return whether {@code dir} is a real directory owned by this process's user and writable by no one else} */
  private static boolean isPrivate(Path dir) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return false;
    }
    PosixFileAttributes a = view.readAttributes();
    Path probe = Files.createTempFile(dir, ".owner", ".tmp");
    try {
      boolean mine = Files.getOwner(probe).equals(a.owner());
      Set<PosixFilePermission> p = a.permissions();
      return a.isDirectory() && mine && !p.contains(PosixFilePermission.GROUP_WRITE)
          && !p.contains(PosixFilePermission.OTHERS_WRITE);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * Puts the resources {@code paths} into {@code base/ARCH-SHA1/} under their file names, each unless it is
   * there already, intact: written to a temporary file in that directory, then renamed over the target.
   *
   * @return the directory
   */
  static Path extract(ClassLoader loader, List<String> paths, Path base, String arch) {
    try {
      return extractOrThrow(loader, paths, base, arch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract LWJGL's native libraries to " + base + ": " + reason(e)
          + ". Set java.io.tmpdir to a writable directory, or " + EXTRACT_PATH + " to a directory of your own", e);
    }
  }

  private static Path extractOrThrow(ClassLoader loader, List<String> paths, Path base, String arch)
      throws IOException {
    List<byte[]> contents = new ArrayList<>();
    StringBuilder sums = new StringBuilder();
    for (String path : paths) {
      byte[] bytes;
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          throw new IOException("resource " + path + " is not on the class path");
        }
        bytes = in.readAllBytes();
      }
      String sha1 = sha1(bytes);
      String expected = expectedSha1(loader, path);
      if (expected != null && !expected.equals(sha1)) {
        throw new IOException("the jar's " + path + " has SHA-1 " + sha1 + " where LWJGL's checksum says "
            + expected + ": the natives jar is damaged or does not match");
      }
      contents.add(bytes);
      sums.append(path).append(' ').append(sha1).append('\n');
    }
    Path dir = base.resolve(arch + "-" + sha1(sums.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    Files.createDirectories(dir, OWNER_ONLY);
    if (temporary) { // deleted in reverse order of registration: the files, then their directory
      dir.toFile().deleteOnExit();
    }
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      byte[] bytes = contents.get(i);
      Path target = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
      if (temporary) {
        target.toFile().deleteOnExit();
      }
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length
          && Arrays.equals(Files.readAllBytes(target), bytes)) {
        continue;
      }
      Path tmp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("the file system of " + dir + " cannot rename atomically", e);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return dir;
  }

  /**
   * A directory for this process beside {@code shared}, with hard links to its files (copies where the file
   * system has no hard links), deleted when the JVM exits; first removes those of processes that are gone.
   */
  static Path ownDirectory(Path shared) {
    String prefix = shared.getFileName() + ".pid-";
    try {
      removeStale(shared.getParent(), prefix);
      Path own = shared.resolveSibling(prefix + ProcessHandle.current().pid());
      Files.createDirectories(own, OWNER_ONLY);
      own.toFile().deleteOnExit();
      try (Stream<Path> files = Files.list(shared)) {
        for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".tmp")).toList()) {
          Path link = own.resolve(f.getFileName());
          Files.deleteIfExists(link);
          try {
            Files.createLink(link, f);
          } catch (UnsupportedOperationException | IOException e) {
            Files.copy(f, link);
          }
          link.toFile().deleteOnExit(); // registered after the directory: deleted before it
        }
      }
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link LWJGL's native libraries into a directory beside " + shared + ": "
          + reason(e), e);
    }
  }

  /** Deletes the directories {@code PREFIX<pid>} in {@code base} whose process has ended. */
  private static void removeStale(Path base, String prefix) throws IOException {
    try (Stream<Path> dirs = Files.list(base)) {
      for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).toList()) {
        String pid = d.getFileName().toString().substring(prefix.length());
        if (!pid.matches("[0-9]{1,18}") || ProcessHandle.of(Long.parseLong(pid)).isPresent()) {
          continue;
        }
        try (Stream<Path> files = Files.list(d)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(d);
        } catch (IOException e) {
          Config.log("LWJGL natives: cannot remove " + d + " (" + reason(e) + ")");
        }
      }
    }
  }

  /** LWJGL ships {@code META-INF/<path>.sha1} next to each library; {@code null} where it does not. */
  private static @Nullable String expectedSha1(ClassLoader loader, String path) throws IOException {
    try (InputStream in = loader.getResourceAsStream("META-INF/" + path + ".sha1")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    }
  }

  static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-1", e);
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
