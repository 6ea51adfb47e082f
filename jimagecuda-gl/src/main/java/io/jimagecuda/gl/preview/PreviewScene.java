package io.jimagecuda.gl.preview;

import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Rgba;
import java.util.List;

/**
 * The preview's animated test scene, made by {@link Fill} generators on the frame's own backend (on the
 * GPU when it is CUDA): six horizontal {@link Band}s, from a pulsing sun on a translucent sky at the top,
 * through moving stripes, drifting clouds, a gradient and noise, to a scrolling checkerboard at the
 * bottom. Translucent parts show the preview's checkerboard through them.
 *
 * <p><b>How bands are made without compositing.</b> A fill writes the whole logical area of an image, and
 * rows are packed at the logical width; so after {@code frame.setLogicalSize(w, k)} a fill overwrites exactly the
 * first {@code k} rows and leaves the rest. The bands are therefore filled bottom first, each into the rows
 * from the top of the frame down to its own bottom edge; the frame gets its size back at the end. Each
 * fill's geometry is that of its rows {@code 0..bottom}: only the top band ({@code Fill.circle}) uses
 * centred geometry, the others are patterns that look alike anywhere.
 */
public final class PreviewScene {
  /** The scene's bands, top to bottom. */
  public enum Band {
    /** Rows [0, 45 %): the disc {@link #DISC} on {@link #SKY}, softness 0.05..0.25 over about 3 s. */
    SUN(0.45f),
    /** Rows [45, 60 %): {@link #STRIPE} bands 10 px wide every 28 px at 30°, 40 px/s; transparent gaps. */
    STRIPES(0.60f),
    /** Rows [60, 75 %): four octaves of Perlin noise, scale 40, dark blue to white, 40 px/s. */
    CLOUDS(0.75f),
    /** Rows [75, 85 %): opaque red on the left to transparent blue on the right. */
    GRADIENT(0.85f),
    /** Rows [85, 92 %): RGB noise, a new seed every 1/30 s. */
    NOISE(0.92f),
    /** Rows [92, 100 %]: 12-px squares, opaque green and translucent white, 20 px/s. */
    CHECKS(1f);

    private final float bottom;

    Band(float bottom) {
      this.bottom = bottom;
    }

    /**
     * {@return the first row below this band in a frame of {@code height} rows (0 when the frame is too short)}
     *
     * @param height the frame's height in rows
     */
    public int bottomRow(int height) {
      return this == CHECKS ? height : (int) (bottom * height);
    }

    /**
     * {@return the band's first row in a frame of {@code height} rows}
     *
     * @param height the frame's height in rows
     */
    public int topRow(int height) {
      return ordinal() == 0 ? 0 : values()[ordinal() - 1].bottomRow(height);
    }
  }

  /** The sun's colour: opaque, 8-bit (255, 230, 51). */
  public static final Rgba DISC = new Rgba(1f, 0.9f, 0.2f, 1f);
  /** The sky behind the sun: translucent blue. */
  public static final Rgba SKY = new Rgba(0.2f, 0.45f, 0.9f, 0.35f);
  /** The stripes' colour: opaque orange. */
  public static final Rgba STRIPE = new Rgba(1f, 0.55f, 0.1f, 1f);

  private static final List<Band> BOTTOM_FIRST = List.of(Band.CHECKS, Band.NOISE, Band.GRADIENT, Band.CLOUDS,
      Band.STRIPES, Band.SUN);

  /** The scene; it holds no state, {@link #render} draws any time. */
  public PreviewScene() {
  }

  /**
   * Renders the scene at time {@code t} (seconds) into the logical area of {@code frame}. The frame's
   * logical size is changed while the bands are filled and restored before returning.
   *
   * @param frame the image to draw into
   * @param t the scene time in seconds
   */
  public void render(Image frame, double t) {
    int w = frame.width();
    int h = frame.height();
    try {
      for (Band band : BOTTOM_FIRST) {
        int rows = band.bottomRow(h);
        if (rows > 0) {
          frame.setLogicalSize(w, rows);
          fill(band, frame, t);
        }
      }
    } finally {
      frame.setLogicalSize(w, h);
    }
  }

  /** Fills {@code rows} (the frame from its top row to the band's bottom edge) as {@code band} at time {@code t}. */
  static void fill(Band band, Image rows, double t) {
    switch (band) {
      case SUN -> Fill.circle(rows, new Fill.Circle(DISC, SKY, (float) (0.15 + 0.1 * Math.sin(t * 2))));
      case STRIPES -> Fill.stripes(rows, new Fill.Stripes(30, 28, 10, STRIPE, Rgba.TRANSPARENT, (int) (t * 40)));
      case CLOUDS -> Fill.perlin(rows, Fill.Perlin.DEFAULTS.withScale(40).withSeed(7).withOctaves(4)
          .withOffsetX((float) (t * 40)).withColors(new Rgba(0.05f, 0.1f, 0.35f, 1), new Rgba(0.95f, 0.95f, 1f, 1)));
      case GRADIENT -> Fill.gradient(rows, new Rgba(1f, 0.25f, 0.1f, 1f), new Rgba(0.1f, 0.25f, 1f, 0f));
      case NOISE -> Fill.noise(rows, new Fill.Noise((float) Math.floor(t * 30), false));
      case CHECKS -> Fill.checkerboard(rows, new Fill.Checkerboard(12, new Rgba(0.2f, 0.75f, 0.3f, 1f),
          new Rgba(1f, 1f, 1f, 0.5f), (int) (t * 20), 0));
    }
  }
}
