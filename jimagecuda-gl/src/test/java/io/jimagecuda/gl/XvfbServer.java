package io.jimagecuda.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An Xvfb X server started by a test, on a free display number, writing its screen to a file
 * ({@code -fbdir}) that {@link #screen()} reads. Skips the calling test, with the reason, when Xvfb is not
 * installed (Debian package {@code xvfb}).
 */
public final class XvfbServer implements AutoCloseable {
  private final Process process;
  private final Path fbdir;
  private final int display;

  private XvfbServer(Process process, Path fbdir, int display) {
    this.process = process;
    this.fbdir = fbdir;
    this.display = display;
  }

  /** Starts Xvfb with a 24-bit screen of {@code width × height}; aborts the test if Xvfb is missing. */
  public static XvfbServer start(Path dir, int width, int height) throws IOException, InterruptedException {
    return start(dir, width, height, new String[0]);
  }

  /** As {@link #start(Path, int, int)}, with extra server arguments (e.g. {@code -extension GLX}). */
  public static XvfbServer start(Path dir, int width, int height, String... extra)
      throws IOException, InterruptedException {
    String xvfb = findOnPath("Xvfb");
    Assumptions.assumeTrue(xvfb != null, "SKIPPED: Xvfb is not installed (Debian package xvfb; .ci/run "
        + "installs it), so the real-window test cannot run here");
    int display = freeDisplay();
    Path fbdir = Files.createDirectories(dir.resolve("xvfb"));
    Path log = dir.resolve("xvfb.log");
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(xvfb, ":" + display, "-screen", "0",
        width + "x" + height + "x24", "-fbdir", fbdir.toString(), "-nolisten", "tcp"));
    cmd.addAll(java.util.List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(Path.of("/tmp/.X11-unix/X" + display)) && p.isAlive()) {
      if (System.nanoTime() > deadline) {
        p.destroy();
        fail("Xvfb :" + display + " did not start in 20 s: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    if (!p.isAlive()) {
      fail("Xvfb exited: " + Files.readString(log));
    }
    return new XvfbServer(p, fbdir, display);
  }

  /** The value for {@code DISPLAY}. */
  public String display() {
    return ":" + display;
  }

  /** The screen as RGB rows, read from Xvfb's XWD framebuffer file. */
  public int[][] screen() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(fbdir.resolve("Xvfb_screen0"))).order(ByteOrder.BIG_ENDIAN);
    int headerSize = b.getInt(0);
    int width = b.getInt(16);
    int height = b.getInt(20);
    int byteOrder = b.getInt(28);
    int bitsPerPixel = b.getInt(44);
    int bytesPerLine = b.getInt(48);
    int colors = b.getInt(76);
    assertEquals(32, bitsPerPixel, "Xvfb screen: 24-bit depth stored in 32-bit pixels expected");
    b.order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int data = headerSize + colors * 12;
    int[][] out = new int[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[y][x] = b.getInt(data + y * bytesPerLine + x * 4) & 0xFFFFFF;
      }
    }
    return out;
  }

  /** A JVM running {@code mainClass} with this test's class path and {@code DISPLAY} set to this server. */
  public ProcessBuilder java(String mainClass, String... args) {
    String[] cmd = new String[args.length + 4];
    cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    cmd[1] = "-cp";
    cmd[2] = System.getProperty("java.class.path");
    cmd[3] = mainClass;
    System.arraycopy(args, 0, cmd, 4, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display());
    return pb;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  private static int freeDisplay() {
    for (int d = 90; d < 200; d++) {
      if (!Files.exists(Path.of("/tmp/.X11-unix/X" + d)) && !Files.exists(Path.of("/tmp/.X" + d + "-lock"))) {
        return d;
      }
    }
    throw new IllegalStateException("no free X display number in :90..:199");
  }
}
