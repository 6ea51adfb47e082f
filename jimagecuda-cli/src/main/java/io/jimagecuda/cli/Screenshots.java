package io.jimagecuda.cli;

import io.jimagecuda.gl.swing.PreviewPanel;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/** Screenshots of windows (java.awt.Robot reads the screen, OpenGL canvases included) and panel descriptions. */
final class Screenshots {
  private Screenshots() {
  }

  /** Waits until the event thread has painted what is queued, plus a short pause for the window manager. */
  static void settle(Component c) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      try {
        SwingUtilities.invokeAndWait(c::repaint);
        SwingUtilities.invokeAndWait(() -> { });
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(e.getCause());
      }
      Thread.sleep(150);
    }
  }

  /** What draws the panel's frames: renderer, OpenGL context or why not, present path. */
  static String describe(PreviewPanel panel) {
    String[] out = new String[1];
    try {
      SwingUtilities.invokeAndWait(() -> out[0] = panel.renderer() + " (" + panel.describeRenderer() + ")"
          + panel.presentPath().map(p -> ", present path " + p + " (" + panel.presentPathReason() + ")")
          .orElse("") + String.format(java.util.Locale.ROOT, ", show %.2f ms", panel.lastShowMillis()));
    } catch (InvocationTargetException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return out[0];
  }

  /** Moves the mouse pointer to the centre of {@code c} (a panel's status line then shows that pixel). */
  static void pointAt(Component c) throws IOException, InterruptedException {
    Point[] centre = new Point[1];
    try {
      SwingUtilities.invokeAndWait(() -> {
        Point p = c.getLocationOnScreen();
        centre[0] = new Point(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
      });
      new Robot().mouseMove(centre[0].x, centre[0].y);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (AWTException e) {
      throw new IOException("cannot move the mouse pointer: " + e.getMessage(), e);
    }
    settle(c);
  }

  /** Saves the screen area of {@code c} (on screen, painted) as PNG. */
  static void save(Component c, Path png) throws IOException, InterruptedException {
    settle(c);
    Rectangle[] bounds = new Rectangle[1];
    try {
      SwingUtilities.invokeAndWait(() -> {
        Point p = c.getLocationOnScreen();
        bounds[0] = new Rectangle(p.x, p.y, c.getWidth(), c.getHeight());
      });
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
    BufferedImage shot;
    try {
      shot = new Robot().createScreenCapture(bounds[0]);
    } catch (AWTException e) {
      throw new IOException("cannot read the screen for a screenshot: " + e.getMessage(), e);
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(shot, "png", png.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }
}
