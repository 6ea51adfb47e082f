package io.jimagecuda.gl.swing;

import io.jimagecuda.gl.internal.EventThread;
import io.jimagecuda.ImageBase;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * A window with one {@link PreviewPanel}: what {@code Preview.show(image)} opens. Closing the window (or
 * {@link #close()}) disposes it, which releases the panel's OpenGL objects.
 *
 * <pre>{@code
 * PreviewWindow w = PreviewWindow.open("result", image);   // returns at once
 * // ... later frames:
 * w.show(next);
 * w.awaitClosed();                                          // until the user closes it
 * }</pre>
 */
public final class PreviewWindow implements AutoCloseable {
  private final JFrame frame;
  private final PreviewPanel panel;
  private final CountDownLatch closed = new CountDownLatch(1);

  private PreviewWindow(JFrame frame, PreviewPanel panel) {
    this.frame = frame;
    this.panel = panel;
  }

  /**
   * Opens a window showing {@code image} (copied), sized to the image within 90% of the screen, and returns
   * without waiting.
   *
   * @param title the window's title
   * @param image the image to show; stays the caller's
   * @return the window
   * @throws java.awt.HeadlessException if there is no display
   * @throws IllegalArgumentException if the image is null or freed
   */
  public static PreviewWindow open(String title, ImageBase image) {
    if (GraphicsEnvironment.isHeadless()) {
      throw new java.awt.HeadlessException("Preview window: no display (DISPLAY is unset or java.awt.headless is "
          + "true); save the image with Images.save instead");
    }
    if (image == null || image.isFreed()) {
      throw new IllegalArgumentException("Preview window: image is " + (image == null ? "null" : "freed"));
    }
    PreviewWindow[] out = new PreviewWindow[1];
    onEdt(() -> {
      JFrame f = new JFrame(title);
      PreviewPanel p = new PreviewPanel();
      PreviewWindow w = new PreviewWindow(f, p);
      f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
      f.addWindowListener(new WindowAdapter() {
        @Override
        public void windowClosed(WindowEvent e) {
          w.closed.countDown();
        }
      });
      f.add(p);
      Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
      p.setPreferredSize(new Dimension(Math.max(640, Math.min(image.width(), screen.width * 9 / 10)),
          Math.max(200, Math.min(image.height() + 24, screen.height * 9 / 10))));
      f.pack();
      f.setLocationRelativeTo(null);
      f.setVisible(true);
      out[0] = w;
    });
    out[0].panel.show(image);
    return out[0];
  }

  /**
   * Shows another frame (copied). Any thread.
   *
   * @param image the frame; stays the caller's
   */
  public void show(ImageBase image) {
    panel.show(image);
  }

  /** {@return the panel} */
  public PreviewPanel panel() {
    return panel;
  }

  /** {@return the window} */
  public JFrame frame() {
    return frame;
  }

  /** {@return whether the window was closed} */
  public boolean isClosed() {
    return closed.getCount() == 0;
  }

  /**
   * Waits until the window is closed.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Waits until the window is closed, at most {@code millis}.
   *
   * @param millis the longest wait in milliseconds
   * @return whether the window was closed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitClosed(long millis) throws InterruptedException {
    return closed.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Disposes the window (releasing the panel's OpenGL objects); calling it again does nothing. Any thread. */
  @Override
  public void close() {
    onEdt(() -> {
      panel.close();
      frame.dispose();
    });
  }

  static void onEdt(Runnable r) {
    EventThread.run("Preview window", r);
  }

}
