package io.jimagecuda.gl.swing;

import io.jimagecuda.gl.internal.EventThread;
import io.jimagecuda.Config;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.QuadRenderer;
import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.gl.internal.GlLoader;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;
import java.util.Optional;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.border.EmptyBorder;
import org.jspecify.annotations.Nullable;

/**
 * A Swing component that shows frames made by the library: pan with the mouse (drag), zoom with the wheel
 * about the cursor, keys F (fit the view), 1 (one screen pixel per image pixel), + and − (zoom), a
 * checkerboard under transparent pixels, and a status line with the frame size, zoom, renderer, present
 * path, the time {@link #show} took and the 8-bit value of the pixel under the cursor.
 *
 * <p>Frames go to the screen through the fastest way available:
 * <ul>
 *   <li>{@link Renderer#OPENGL}: an AWT canvas with its own OpenGL context (GLX, through LWJGL's
 *       {@code lwjgl3-awt}); a CUDA frame goes through {@link io.jimagecuda.gl.Presenter#create(int, int)}'s
 *       fastest present path (zero copy where Vulkan, CUDA and OpenGL share the GPU), a CPU frame through
 *       {@link PresentPath#CPU_UPLOAD}; {@link QuadRenderer#drawPlaced} draws it.</li>
 *   <li>{@link Renderer#JAVA2D}: the frame is downloaded to 8-bit RGBA and drawn by Java2D, with the same
 *       pixels ({@code FrameRaster}). Used where OpenGL cannot run in a Swing window — no GLX on the
 *       display, no OpenGL 3.3, OpenGL already started through EGL in this process (LWJGL loads OpenGL's
 *       functions once per process) — or when asked for ({@link Renderer#JAVA2D}, or the system property
 *       {@code jimagecuda.preview.renderer=java2d}). {@link #rendererReason()} says why.</li>
 * </ul>
 *
 * <pre>{@code
 * PreviewPanel before = new PreviewPanel();
 * PreviewPanel after = new PreviewPanel();
 * JFrame f = new JFrame("before / after");
 * f.setLayout(new GridLayout(1, 2));
 * f.add(before);
 * f.add(after);
 * f.setSize(1600, 600);
 * f.setVisible(true);
 * before.show(original);             // copied: the images stay the caller's
 * after.show(edited);
 * }</pre>
 *
 * <p>{@link #show} may be called from any thread; it returns once the frame is copied (into the OpenGL
 * texture, or to host memory), so the caller may change or free the image afterwards. The OpenGL
 * context, presenter and textures are deleted when the panel leaves its window (its {@code removeNotify}:
 * the window is disposed or the panel removed) and on {@link #close()}.
 *
 * @serial exclude
 */
public class PreviewPanel extends JComponent implements AutoCloseable {
  private static final long serialVersionUID = 1L;

  /** The colour around the image, {@code 0xRRGGBB}. */
  public static final int BACKGROUND = 0x2B2B2B;
  /** The system property that chooses the renderer: {@code auto} (default), {@code opengl} or {@code java2d}. */
  public static final String RENDERER_PROPERTY = "jimagecuda.preview.renderer";

  /** How the panel draws frames. */
  public enum Renderer {
    /** Whatever works here: OpenGL, else Java2D. */
    AUTO,
    /** An OpenGL canvas fed by a present path. */
    OPENGL,
    /** Java2D drawing of a host copy of the frame. */
    JAVA2D
  }

  private final ViewTransform view = new ViewTransform();
  private final JLabel status = new JLabel(" ");
  private transient @Nullable GlSurface gl;
  private final RasterSurface raster = new RasterSurface();
  private Renderer renderer;
  private String rendererReason;
  /** The last frame as 8-bit RGBA: always in Java2D mode; in OpenGL mode only until the canvas can take it. */
  private byte @Nullable [] host;
  private int frameWidth;
  private int frameHeight;
  private @Nullable PresentPath path;
  private double showMillis = Double.NaN;
  private String pixel = "";
  private @Nullable String frameBackend;
  private boolean closed;
  private int dragX;
  private int dragY;

  /**
   * A panel with the renderer chosen by {@link #RENDERER_PROPERTY}, by default the fastest that works here.
   *
   * @throws IllegalArgumentException if the property names no renderer
   * @throws java.awt.HeadlessException if Java runs headless (no display)
   */
  public PreviewPanel() {
    this(rendererFromProperty());
  }

  private static Renderer rendererFromProperty() {
    String value = System.getProperty(RENDERER_PROPERTY, "auto");
    try {
      return Renderer.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PreviewPanel: -D" + RENDERER_PROPERTY + "=" + value
          + " is not a renderer; use auto, opengl or java2d", e);
    }
  }

  /**
   * A panel that draws with {@code preferred} where it can ({@link Renderer#OPENGL} still falls back to
   * Java2D where OpenGL cannot run, saying why in {@link #rendererReason()}).
   *
   * @param preferred the renderer to use
   * @throws java.awt.HeadlessException if Java runs headless (no display)
   */
  public PreviewPanel(Renderer preferred) {
    if (GraphicsEnvironment.isHeadless()) {
      throw new java.awt.HeadlessException("PreviewPanel needs a display (DISPLAY is unset or java.awt.headless "
          + "is true); render headless with io.jimagecuda.gl.context.EglContext and QuadRenderer instead");
    }
    setLayout(new BorderLayout());
    setPreferredSize(new Dimension(640, 480));
    status.setBorder(new EmptyBorder(2, 6, 2, 6));
    status.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    add(status, BorderLayout.SOUTH);
    String why = preferred == Renderer.JAVA2D ? "Java2D was asked for" : openGlUnavailable();
    if (why == null) {
      renderer = Renderer.OPENGL;
      rendererReason = "OpenGL canvas (lwjgl3-awt)";
      gl = new GlSurface(this);
      install(gl);
    } else {
      renderer = Renderer.JAVA2D;
      rendererReason = why;
      install(raster);
    }
    addKeyListener(keys());
    setFocusable(true);
    updateStatus();
  }

  /** {@return why OpenGL cannot be tried, or {@code null} if it can} */
  private static @Nullable String openGlUnavailable() {
    if (GlLoader.source() == GlLoader.Source.EGL) {
      return "Java2D: OpenGL was started through EGL (a headless context) earlier in this process, and LWJGL "
          + "loads OpenGL's functions once per process; a Swing canvas needs GLX";
    }
    try {
      GlEnvironment.prepare();
      GlLoader.ensureDefault();
    } catch (RuntimeException | LinkageError e) {
      return "Java2D: the platform's OpenGL library cannot be loaded (" + e.getMessage() + ")";
    }
    return null;
  }

  private void install(Component surface) {
    add(surface, BorderLayout.CENTER);
    MouseAdapter mouse = mouse();
    surface.addMouseListener(mouse);
    surface.addMouseMotionListener(mouse);
    surface.addMouseWheelListener(mouse);
    surface.addKeyListener(keys());
    surface.setFocusable(true);
  }

  /** Called by the OpenGL surface when OpenGL cannot draw: switches to Java2D, keeping the frame. */
  void openGlFailed(Throwable e) {
    GlSurface surface = gl;
    if (surface == null) {
      return;
    }
    Config.log("PreviewPanel: OpenGL failed, drawing with Java2D: " + e);
    byte[] frame = host;
    if (frame == null && path != null) {
      try {
        frame = surface.readFrame();
      } catch (RuntimeException ignored) {
        frame = null;
      }
    }
    gl = null;
    try {
      surface.releaseGl();
    } catch (RuntimeException | LinkageError ignored) {
      // the context never worked; nothing more to release
    }
    remove(surface);
    renderer = Renderer.JAVA2D;
    rendererReason = "Java2D: OpenGL could not draw in this window (" + e.getMessage() + ")";
    host = frame;
    path = null;
    install(raster);
    revalidate();
    raster.repaint();
    updateStatus();
  }

  // ---------------------------------------------------------------- frames

  /**
   * Shows {@code frame}: copies it into the panel's texture (OpenGL) or host memory (Java2D) and repaints.
   * Any thread; returns once the copy is made.
   *
   * @param frame an {@link Image} or {@link ImageU8} on any backend; not changed, stays the caller's
   * @throws IllegalArgumentException if {@code frame} is null or freed
   * @throws IllegalStateException if the panel was closed
   */
  public void show(ImageBase frame) {
    if (frame == null || frame.isFreed()) {
      throw new IllegalArgumentException("PreviewPanel.show: frame is " + (frame == null ? "null" : "freed"));
    }
    onEdt(() -> showNow(frame));
  }

  private void showNow(ImageBase frame) {
    if (closed) {
      throw new IllegalStateException("PreviewPanel.show: the panel was closed");
    }
    long start = System.nanoTime();
    boolean newSize = frame.width() != frameWidth || frame.height() != frameHeight;
    frameWidth = frame.width();
    frameHeight = frame.height();
    frameBackend = frame.backend().id();
    GlSurface surface = gl;
    if (surface != null && surface.ready()) {
      try {
        path = surface.present(frame);
        host = null;
      } catch (RuntimeException | LinkageError e) {
        host = download(frame);
        openGlFailed(e);
      }
    } else {
      host = download(frame);
      path = null;
    }
    if (newSize) {
      view.setImageSize(frameWidth, frameHeight);
    }
    showMillis = (System.nanoTime() - start) / 1e6;
    repaintSurface();
    updateStatus();
  }

  /** The frame as 8-bit RGBA bytes, top row first (float frames converted by the backend, as the spec says). */
  private static byte[] download(ImageBase frame) {
    if (frame instanceof ImageU8 u8) {
      return Images.download(u8);
    }
    try (ImageU8 u8 = new ImageU8(frame.width(), frame.height(), frame.backend())) {
      Images.convertFloatToU8(u8, (Image) frame);
      return Images.download(u8);
    }
  }

  /** Removes the frame; the panel shows its background. */
  public void clear() {
    onEdt(() -> {
      host = null;
      frameWidth = 0;
      frameHeight = 0;
      path = null;
      GlSurface surface = gl;
      if (surface != null) {
        surface.releaseGl();
      }
      repaintSurface();
      updateStatus();
    });
  }

  /** Called by {@link #paint} of the OpenGL surface's first frame: a frame kept in host memory goes to OpenGL. */
  private void flushHostToGl() {
    GlSurface surface = gl;
    byte[] frame = host;
    if (surface != null && frame != null && surface.ready()) {
      try {
        path = surface.presentHost(frame, frameWidth, frameHeight);
        host = null;
        updateStatus();
      } catch (RuntimeException | LinkageError e) {
        openGlFailed(e);
      }
    }
  }

  private void repaintSurface() {
    GlSurface surface = gl;
    if (surface != null) {
      surface.repaint();
    } else {
      raster.repaint();
    }
  }

  // ---------------------------------------------------------------- view

  /** {@return the pan and zoom; change it on the event thread, then call {@link #repaint()}} */
  public ViewTransform view() {
    return view;
  }

  /** Fits the whole frame in the view (scaled up or down). */
  public void fit() {
    onEdt(() -> {
      view.fit();
      repaintSurface();
      updateStatus();
    });
  }

  /** Shows the frame at one screen pixel per image pixel, centred. */
  public void actualSize() {
    onEdt(() -> {
      view.actualSize();
      repaintSurface();
      updateStatus();
    });
  }

  private MouseAdapter mouse() {
    return new MouseAdapter() {
      @Override
      public void mousePressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        e.getComponent().requestFocusInWindow();
      }

      @Override
      public void mouseDragged(MouseEvent e) {
        view.pan(e.getX() - dragX, e.getY() - dragY);
        dragX = e.getX();
        dragY = e.getY();
        repaintSurface();
        updatePixel(e.getX(), e.getY());
      }

      @Override
      public void mouseMoved(MouseEvent e) {
        updatePixel(e.getX(), e.getY());
      }

      @Override
      public void mouseExited(MouseEvent e) {
        pixel = "";
        updateStatus();
      }

      @Override
      public void mouseWheelMoved(MouseWheelEvent e) {
        view.zoomAt(Math.pow(1.25, -e.getPreciseWheelRotation()), e.getX(), e.getY());
        repaintSurface();
        updatePixel(e.getX(), e.getY());
      }
    };
  }

  private KeyAdapter keys() {
    return new KeyAdapter() {
      @Override
      public void keyPressed(KeyEvent e) {
        switch (e.getKeyCode()) {
          case KeyEvent.VK_F -> view.fit();
          case KeyEvent.VK_1, KeyEvent.VK_NUMPAD1 -> view.actualSize();
          case KeyEvent.VK_PLUS, KeyEvent.VK_ADD, KeyEvent.VK_EQUALS ->
              view.zoomAt(1.25, view.viewWidth() / 2.0, view.viewHeight() / 2.0);
          case KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT ->
              view.zoomAt(0.8, view.viewWidth() / 2.0, view.viewHeight() / 2.0);
          default -> {
            return;
          }
        }
        repaintSurface();
        updateStatus();
      }
    };
  }

  /** Sets the status line's pixel part for screen position {@code (x, y)} of the surface. */
  private void updatePixel(int x, int y) {
    int col = view.imageColumn(x);
    int row = view.imageRow(y);
    if (frameWidth == 0 || col < 0 || row < 0) {
      pixel = "";
    } else {
      Optional<int[]> v = pixelValue(col, row);
      pixel = v.map(p -> String.format(Locale.ROOT, "(%d, %d) RGBA %d %d %d %d", col, row, p[0], p[1], p[2], p[3]))
          .orElse("");
    }
    updateStatus();
  }

  /**
   * {@return the 8-bit RGBA value shown for image pixel {@code (x, y)} of the last frame, if there is one}
   * Call on the event thread.
   *
   * @param x the column
   * @param y the row (0 = top)
   */
  public Optional<int[]> pixelValue(int x, int y) {
    if (x < 0 || y < 0 || x >= frameWidth || y >= frameHeight) {
      return Optional.empty();
    }
    byte[] frame = host;
    if (frame != null) {
      int i = (y * frameWidth + x) * 4;
      return Optional.of(new int[] {frame[i] & 0xFF, frame[i + 1] & 0xFF, frame[i + 2] & 0xFF, frame[i + 3] & 0xFF});
    }
    GlSurface surface = gl;
    if (surface != null && path != null) {
      int v = surface.readPixel(x, y);
      return Optional.of(new int[] {v >>> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF});
    }
    return Optional.empty();
  }

  private void updateStatus() {
    StringBuilder s = new StringBuilder();
    if (frameWidth == 0) {
      s.append("no frame");
    } else {
      s.append(frameWidth).append('x').append(frameHeight).append(' ').append(frameBackend);
      s.append(String.format(Locale.ROOT, " | %.0f%%", view.scale() * 100));
    }
    s.append(" | ").append(renderer == Renderer.OPENGL ? "OpenGL" : "Java2D");
    if (path != null) {
      s.append(' ').append(path);
    }
    if (!Double.isNaN(showMillis)) {
      s.append(String.format(Locale.ROOT, " | show %.2f ms", showMillis));
    }
    if (!pixel.isEmpty()) {
      s.append(" | ").append(pixel);
    }
    status.setText(s.toString());
    status.setToolTipText(rendererReason + (gl != null && !gl.pathReason().isEmpty() ? "; " + gl.pathReason() : ""));
  }

  // ---------------------------------------------------------------- state for callers and tests

  /** {@return the renderer in use: {@link Renderer#OPENGL} or {@link Renderer#JAVA2D}} */
  public Renderer renderer() {
    return renderer;
  }

  /** {@return why the renderer in use was chosen (for Java2D: why OpenGL could not be used)} */
  public String rendererReason() {
    return rendererReason;
  }

  /** {@return the present path of the last frame in OpenGL mode; empty in Java2D mode or before a frame} */
  public Optional<PresentPath> presentPath() {
    return Optional.ofNullable(path);
  }

  /** {@return why the present path was chosen (empty before the first OpenGL frame)} */
  public String presentPathReason() {
    GlSurface surface = gl;
    return surface == null ? "" : surface.pathReason();
  }

  /** {@return the OpenGL context's version and renderer, or the Java2D reason} */
  public String describeRenderer() {
    GlSurface surface = gl;
    return surface == null ? rendererReason : surface.describe();
  }

  /** {@return the milliseconds the last {@link #show} took (copy into the texture or host memory)} */
  public double lastShowMillis() {
    return showMillis;
  }

  /** {@return the status line's text} */
  public String statusText() {
    return status.getText();
  }

  /** {@return the component that draws the frame (the OpenGL canvas or the Java2D surface)} */
  public Component surface() {
    GlSurface surface = gl;
    return surface != null ? surface : raster;
  }

  /**
   * Releases the OpenGL context and objects (or the host copy) and removes the frame; the panel shows
   * nothing afterwards and {@link #show} throws. Calling it again does nothing. Any thread.
   */
  @Override
  public void close() {
    onEdt(() -> {
      if (closed) {
        return;
      }
      closed = true;
      GlSurface surface = gl;
      if (surface != null) {
        surface.releaseGl();
      }
      host = null;
      frameWidth = 0;
      frameHeight = 0;
      path = null;
      updateStatus();
    });
  }

  /** Repaints the panel and its drawing surface (an OpenGL canvas is a native window of its own). */
  @Override
  public void repaint(long tm, int x, int y, int width, int height) {
    super.repaint(tm, x, y, width, height);
    GlSurface surface = gl;
    if (surface != null) {
      surface.repaint();
    }
  }

  @Override
  public void removeNotify() {
    GlSurface surface = gl;
    if (surface != null && path != null && !closed) {
      // Keep the frame: the context goes with the native window, a new one takes the frame if the panel returns.
      try {
        host = surface.readFrame();
      } catch (RuntimeException | LinkageError e) {
        host = null;
      }
      path = null;
    }
    super.removeNotify();
  }

  private static void onEdt(Runnable r) {
    EventThread.run("PreviewPanel", r);
  }


  /** The Java2D surface: the frame composed by {@link FrameRaster} into an image of the surface's size. */
  private final class RasterSurface extends JComponent {
    private static final long serialVersionUID = 1L;
    private transient @Nullable BufferedImage screen;

    @Override
    protected void paintComponent(Graphics g) {
      int w = getWidth();
      int h = getHeight();
      if (w < 1 || h < 1) {
        return;
      }
      if (view.setViewSize(w, h)) {
        SwingUtilities.invokeLater(PreviewPanel.this::updateStatus);
      }
      byte[] frame = host;
      if (frame == null || frameWidth == 0) {
        g.setColor(new java.awt.Color(BACKGROUND));
        g.fillRect(0, 0, w, h);
        return;
      }
      BufferedImage img = screen;
      if (img == null || img.getWidth() != w || img.getHeight() != h) {
        img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        screen = img;
      }
      FrameRaster.compose(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), frame, view, BACKGROUND);
      g.drawImage(img, 0, 0, null);
    }
  }

  /** Sets the view size from the OpenGL surface and sends a frame kept in host memory to OpenGL. */
  void beforeGlPaint(int width, int height) {
    if (view.setViewSize(Math.max(1, width), Math.max(1, height))) {
      SwingUtilities.invokeLater(this::updateStatus);
    }
    if (host != null) {
      flushHostToGl();
    }
  }
}
