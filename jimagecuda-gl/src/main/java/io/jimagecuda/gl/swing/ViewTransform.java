package io.jimagecuda.gl.swing;

/**
 * Pan and zoom of an image shown in a view: the scale (screen pixels per image pixel) and where the
 * image's top-left corner sits in the view, in screen pixels from the view's top-left corner. Pure
 * arithmetic, no Swing or OpenGL: {@link PreviewPanel} keeps one and draws with it.
 *
 * <p>Screen pixel {@code (sx, sy)} shows image pixel
 * {@code (floor((sx + 0.5 - originX) / scale), floor((sy + 0.5 - originY) / scale))} (its centre is sampled).
 * Until the user zooms or pans, the view is in "fit" mode: an image larger than the view is scaled down to
 * fit, a smaller one is shown 1:1; both are centred, and resizing the view refits.
 */
public final class ViewTransform {
  /** The smallest scale, 1/64 (a 32768-pixel image in 512 pixels). */
  public static final double MIN_SCALE = 1.0 / 64;
  /** The largest scale, 64 screen pixels per image pixel. */
  public static final double MAX_SCALE = 64;

  private int imageWidth = 1;
  private int imageHeight = 1;
  private int viewWidth = 1;
  private int viewHeight = 1;
  private double scale = 1;
  private double originX;
  private double originY;
  private boolean fitting = true;

  /** A transform for a 1×1 image in a 1×1 view, in fit mode. */
  public ViewTransform() {
  }

  /**
   * Sets the image size; in fit mode the view refits, otherwise scale and origin stay.
   *
   * @param width the image width in pixels, at least 1
   * @param height the image height in pixels, at least 1
   * @throws IllegalArgumentException if a side is below 1
   */
  public void setImageSize(int width, int height) {
    requirePositive("image", width, height);
    imageWidth = width;
    imageHeight = height;
    if (fitting) {
      fitOrActual();
    }
  }

  /**
   * Sets the view size; in fit mode the view refits, otherwise the view's centre keeps showing the same
   * image point.
   *
   * @param width the view width in pixels, at least 1
   * @param height the view height in pixels, at least 1
   * @return whether the size changed
   * @throws IllegalArgumentException if a side is below 1
   */
  public boolean setViewSize(int width, int height) {
    requirePositive("view", width, height);
    if (width == viewWidth && height == viewHeight) {
      return false;
    }
    if (!fitting) {
      originX += (width - viewWidth) / 2.0;
      originY += (height - viewHeight) / 2.0;
    }
    viewWidth = width;
    viewHeight = height;
    if (fitting) {
      fitOrActual();
    }
    return true;
  }

  private static void requirePositive(String what, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("ViewTransform: the " + what + " size must be at least 1x1, got "
          + width + "x" + height);
    }
  }

  /** Fit mode: the whole image, scaled down if larger than the view (never up), centred. */
  public void fitOrActual() {
    fitting = true;
    double s = Math.min(1.0, Math.min((double) viewWidth / imageWidth, (double) viewHeight / imageHeight));
    place(clamp(s));
  }

  /** The whole image as large as the view allows (scaled up or down), centred; leaves fit mode. */
  public void fit() {
    fitting = false;
    place(clamp(Math.min((double) viewWidth / imageWidth, (double) viewHeight / imageHeight)));
  }

  /** One screen pixel per image pixel, the image centred; leaves fit mode. */
  public void actualSize() {
    fitting = false;
    place(1);
  }

  private void place(double s) {
    scale = s;
    originX = Math.floor((viewWidth - imageWidth * s) / 2);
    originY = Math.floor((viewHeight - imageHeight * s) / 2);
  }

  /**
   * Multiplies the scale by {@code factor} (clamped to {@link #MIN_SCALE}..{@link #MAX_SCALE}) keeping the
   * image point under screen position {@code (x, y)} where it is; leaves fit mode.
   *
   * @param factor greater than 1 zooms in, below 1 zooms out
   * @param x the screen position's x, in pixels from the view's left edge
   * @param y the screen position's y, in pixels from the view's top edge
   * @throws IllegalArgumentException if {@code factor} is not a positive finite number
   */
  public void zoomAt(double factor, double x, double y) {
    if (!(factor > 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("ViewTransform.zoomAt: factor must be a positive finite number, got "
          + factor);
    }
    fitting = false;
    double s = clamp(scale * factor);
    double applied = s / scale;
    originX = x - (x - originX) * applied;
    originY = y - (y - originY) * applied;
    scale = s;
  }

  /**
   * Moves the image by {@code (dx, dy)} screen pixels; leaves fit mode.
   *
   * @param dx pixels to the right
   * @param dy pixels down
   */
  public void pan(double dx, double dy) {
    fitting = false;
    originX += dx;
    originY += dy;
  }

  /**
   * Sets scale and origin directly (to restore a saved view); leaves fit mode.
   *
   * @param scale screen pixels per image pixel, clamped to {@link #MIN_SCALE}..{@link #MAX_SCALE}
   * @param originX the image's left edge in screen pixels
   * @param originY the image's top edge in screen pixels
   * @throws IllegalArgumentException if a value is not finite or the scale not positive
   */
  public void set(double scale, double originX, double originY) {
    if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(originX) || !Double.isFinite(originY)) {
      throw new IllegalArgumentException("ViewTransform.set: scale must be positive and finite, origins finite; got "
          + scale + ", " + originX + ", " + originY);
    }
    fitting = false;
    this.scale = clamp(scale);
    this.originX = originX;
    this.originY = originY;
  }

  private static double clamp(double s) {
    return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
  }

  /** {@return screen pixels per image pixel} */
  public double scale() {
    return scale;
  }

  /** {@return the image's left edge, in screen pixels from the view's left edge} */
  public double originX() {
    return originX;
  }

  /** {@return the image's top edge, in screen pixels from the view's top edge} */
  public double originY() {
    return originY;
  }

  /** {@return whether the view is in fit mode (refits on resize)} */
  public boolean isFitting() {
    return fitting;
  }

  /** {@return the image width in pixels} */
  public int imageWidth() {
    return imageWidth;
  }

  /** {@return the image height in pixels} */
  public int imageHeight() {
    return imageHeight;
  }

  /** {@return the view width in pixels} */
  public int viewWidth() {
    return viewWidth;
  }

  /** {@return the view height in pixels} */
  public int viewHeight() {
    return viewHeight;
  }

  /**
   * {@return the image column shown at screen column {@code sx}, or -1 outside the image}
   *
   * @param sx the screen column, from the view's left edge
   */
  public int imageColumn(int sx) {
    return index((float) ((sx + 0.5 - originX) / scale), imageWidth);
  }

  /**
   * {@return the image row shown at screen row {@code sy}, or -1 outside the image}
   *
   * @param sy the screen row, from the view's top edge
   */
  public int imageRow(int sy) {
    return index((float) ((sy + 0.5 - originY) / scale), imageHeight);
  }

  private static int index(float q, int size) {
    if (q < 0 || q >= size) {
      return -1;
    }
    return (int) Math.floor(q);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "ViewTransform(scale %.4f, origin %.1f, %.1f%s)", scale, originX,
        originY, fitting ? ", fit" : "");
  }
}
