package io.jimagecuda.gl.swing;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import java.awt.Component;
import java.awt.GridLayout;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * Run by {@link PreviewPanelWindowTest} in a JVM of its own under Xvfb: two panels side by side, their
 * screens read back with {@link Robot}, a resize, the pixel readout, then 100 windows opened and closed.
 * Prints the time every 10 windows take. Writes {@code results.txt} (its lines: the two panels, the pixel,
 * contexts after closing, threads, contexts after cycles, the 100 windows' milliseconds, free device memory
 * before and after them, -1 for CPU frames, the process's resident kB before and after them) and {@code panelN.rgb} (view width, height, then 0xRRGGBB ints) into the
 * directory given as the first argument; the second argument is the renderer (auto or java2d), an optional
 * third the frames' backend (cpu, the default, or cuda).
 */
public final class PanelProbe {
  private PanelProbe() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    PreviewPanel.Renderer renderer = PreviewPanel.Renderer.valueOf(args[1].toUpperCase(Locale.ROOT));
    BackendKind backend = args.length > 2 ? BackendKind.parse(args[2]) : BackendKind.CPU;
    List<String> results = new ArrayList<>();
    try (ImageU8 a = frame(11, backend); ImageU8 b = frame(12, backend)) {
      PreviewPanel[] panels = new PreviewPanel[2];
      JFrame[] window = new JFrame[1];
      SwingUtilities.invokeAndWait(() -> {
        JFrame f = new JFrame("before / after");
        f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        f.setLayout(new GridLayout(1, 2));
        panels[0] = new PreviewPanel(renderer);
        panels[1] = new PreviewPanel(renderer);
        f.add(panels[0]);
        f.add(panels[1]);
        f.setSize(520, 300);
        f.setLocation(0, 0);
        f.setVisible(true);
        window[0] = f;
      });
      panels[0].show(a);
      panels[1].show(b);
      settle(window[0]);
      SwingUtilities.invokeAndWait(() -> {
        ViewTransform v = panels[1].view();
        v.zoomAt(3, 40, 30);
        v.pan(-5, 4);
        panels[1].repaint();
      });
      settle(window[0]);
      for (int i = 0; i < 2; i++) {
        capture(panels[i], out.resolve("panel" + i + ".rgb"));
        int n = i;
        SwingUtilities.invokeAndWait(() -> results.add("panel" + n + " " + panels[n].renderer() + " "
            + panels[n].presentPath().map(Enum::name).orElse("none") + " | " + panels[n].rendererReason()
            + " | " + panels[n].statusText() + " | " + panels[n].describeRenderer() + " | "
            + panels[n].presentPathReason()));
      }
      SwingUtilities.invokeAndWait(() -> window[0].setSize(700, 420));
      settle(window[0]);
      capture(panels[0], out.resolve("resized0.rgb"));
      SwingUtilities.invokeAndWait(() -> {
        int[] p = panels[0].pixelValue(3, 4).orElseThrow();
        results.add("pixel " + p[0] + " " + p[1] + " " + p[2] + " " + p[3]);
      });
      SwingUtilities.invokeAndWait(() -> window[0].dispose());
      settle(null);
      results.add("contexts after closing " + GlSurface.liveContexts());

      // Open and close 100 windows: threads and OpenGL contexts must not grow (AWT starts and ends a
      // couple of helper threads as windows come and go: the baseline is taken after 10 windows).
      for (int i = 0; i < 10; i++) {
        cycle(a, renderer);
      }
      int threadsBefore = liveThreads();
      long freeBefore = deviceFree(backend);
      long rssBefore = residentKb();
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        cycle(a, renderer);
        if (i % 10 == 9) {
          System.out.printf("probe: %d windows in %d ms%n", i + 1, (System.nanoTime() - start) / 1_000_000);
        }
      }
      long cyclesMs = (System.nanoTime() - start) / 1_000_000;
      long freeAfter = deviceFree(backend);
      long rssAfter = residentKb();
      int threadsAfter = liveThreads();
      results.add("threads " + threadsBefore + " " + threadsAfter + " " + Thread.getAllStackTraces().keySet()
          .stream().map(Thread::getName).sorted().toList());
      results.add("contexts after cycles " + GlSurface.liveContexts());
      results.add("cycles ms " + cyclesMs);
      results.add("device free " + freeBefore + " " + freeAfter);
      results.add("resident kB " + rssBefore + " " + rssAfter);
    }
    Files.write(out.resolve("results.txt"), results);
    System.out.println("probe done");
  }

  static ImageU8 frame(long seed, BackendKind backend) {
    ImageU8 img = new ImageU8(FrameRasterTest.W, FrameRasterTest.H, backend);
    Images.upload(img, FrameRasterTest.frame(seed));
    return img;
  }

  private static void cycle(ImageU8 frame, PreviewPanel.Renderer renderer) throws Exception {
    JFrame[] f = new JFrame[1];
    PreviewPanel[] p = new PreviewPanel[1];
    SwingUtilities.invokeAndWait(() -> {
      f[0] = new JFrame("cycle");
      p[0] = new PreviewPanel(renderer);
      f[0].add(p[0]);
      f[0].setSize(200, 150);
      f[0].setVisible(true);
    });
    p[0].show(frame);
    SwingUtilities.invokeAndWait(() -> p[0].paintImmediately(0, 0, 200, 150));
    SwingUtilities.invokeAndWait(() -> p[0].surface().repaint());
    SwingUtilities.invokeAndWait(() -> { });
    SwingUtilities.invokeAndWait(() -> f[0].dispose());
  }

  /** Free device memory (the driver's figure) for CUDA frames, else -1: a leaked GL context shows there. */
  private static long deviceFree(BackendKind backend) {
    if (backend != BackendKind.CUDA) {
      return -1;
    }
    CudaBackend cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    cuda.synchronize();
    return cuda.freeMemory();
  }

  /** The process's resident memory from /proc (Linux), in kB: a leaked OpenGL context shows there. */
  private static long residentKb() throws IOException {
    System.gc();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static int liveThreads() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return Thread.getAllStackTraces().size();
  }

  static void settle(Component c) throws Exception {
    for (int i = 0; i < 4; i++) {
      SwingUtilities.invokeAndWait(() -> {
        if (c != null) {
          c.repaint();
        }
      });
      SwingUtilities.invokeAndWait(() -> { });
      Thread.sleep(150);
    }
  }

  /** Reads the panel's drawing surface from the screen. */
  private static void capture(PreviewPanel panel, Path file) throws Exception {
    Rectangle[] r = new Rectangle[1];
    double[] view = new double[3];
    SwingUtilities.invokeAndWait(() -> {
      Component s = panel.surface();
      Point p = s.getLocationOnScreen();
      r[0] = new Rectangle(p.x, p.y, s.getWidth(), s.getHeight());
      view[0] = panel.view().scale();
      view[1] = panel.view().originX();
      view[2] = panel.view().originY();
    });
    BufferedImage shot = new Robot().createScreenCapture(r[0]);
    try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(file))) {
      d.writeInt(shot.getWidth());
      d.writeInt(shot.getHeight());
      d.writeDouble(view[0]);
      d.writeDouble(view[1]);
      d.writeDouble(view[2]);
      for (int y = 0; y < shot.getHeight(); y++) {
        for (int x = 0; x < shot.getWidth(); x++) {
          d.writeInt(shot.getRGB(x, y) & 0xFFFFFF);
        }
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + file, e);
    }
  }
}
