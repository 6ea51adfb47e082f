package io.jimagecuda.gl.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pan and zoom arithmetic of {@link ViewTransform}. */
class ViewTransformTest {
  private static ViewTransform view(int iw, int ih, int vw, int vh) {
    ViewTransform v = new ViewTransform();
    v.setViewSize(vw, vh);
    v.setImageSize(iw, ih);
    return v;
  }

  @Test
  void aSmallImageIsShownOneToOneAndCentred() {
    ViewTransform v = view(100, 50, 301, 200);
    assertEquals(1, v.scale());
    assertEquals(100, v.originX()); // floor((301 - 100) / 2)
    assertEquals(75, v.originY());
    assertTrue(v.isFitting());
    assertEquals(-1, v.imageColumn(99));
    assertEquals(0, v.imageColumn(100));
    assertEquals(99, v.imageColumn(199));
    assertEquals(-1, v.imageColumn(200));
    assertEquals(0, v.imageRow(75));
    assertEquals(-1, v.imageRow(125));
  }

  @Test
  void aLargeImageIsScaledDownToFitAndRefitsOnResize() {
    ViewTransform v = view(2000, 1000, 500, 500);
    assertEquals(0.25, v.scale());
    assertEquals(0, v.originX());
    assertEquals(125, v.originY());
    assertTrue(v.setViewSize(1000, 250));
    assertEquals(0.25, v.scale()); // height bound: 250 / 1000
    assertEquals(250, v.originX());
    assertFalse(v.setViewSize(1000, 250), "same size: no change");
  }

  @Test
  void fitScalesUpAndActualSizeGoesBackToOne() {
    ViewTransform v = view(100, 50, 400, 400);
    v.fit();
    assertEquals(4, v.scale());
    assertEquals(0, v.originX());
    assertEquals(100, v.originY());
    assertFalse(v.isFitting());
    v.actualSize();
    assertEquals(1, v.scale());
    assertEquals(150, v.originX());
  }

  @Test
  void zoomKeepsThePointUnderTheCursorFixed() {
    ViewTransform v = view(100, 100, 200, 200);
    double cx = 130.5;
    double cy = 77.25;
    double beforeX = (cx - v.originX()) / v.scale();
    double beforeY = (cy - v.originY()) / v.scale();
    v.zoomAt(2.5, cx, cy);
    assertEquals(2.5, v.scale(), 1e-12);
    assertEquals(beforeX, (cx - v.originX()) / v.scale(), 1e-9);
    assertEquals(beforeY, (cy - v.originY()) / v.scale(), 1e-9);
    v.zoomAt(0.1, cx, cy);
    assertEquals(0.25, v.scale(), 1e-12);
    assertEquals(beforeX, (cx - v.originX()) / v.scale(), 1e-9);
    assertFalse(v.isFitting());
  }

  @Test
  void zoomIsClampedAndFactorsMustBePositive() {
    ViewTransform v = view(10, 10, 10, 10);
    v.zoomAt(1e6, 5, 5);
    assertEquals(ViewTransform.MAX_SCALE, v.scale());
    v.zoomAt(1e-12, 5, 5);
    assertEquals(ViewTransform.MIN_SCALE, v.scale());
    assertThrows(IllegalArgumentException.class, () -> v.zoomAt(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> v.zoomAt(Double.NaN, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> v.setViewSize(0, 5));
    assertThrows(IllegalArgumentException.class, () -> v.setImageSize(5, -1));
  }

  @Test
  void panMovesTheImageAndKeepsTheViewCentreOnResize() {
    ViewTransform v = view(100, 100, 200, 200);
    v.pan(7, -3);
    assertEquals(57, v.originX());
    assertEquals(47, v.originY());
    assertEquals(0, v.imageColumn(57));
    assertEquals(-1, v.imageColumn(56));
    v.setViewSize(300, 100); // not fitting any more: the centre keeps its image point
    assertEquals(107, v.originX());
    assertEquals(-3, v.originY());
  }

  @Test
  void zoomedColumnsPickTheNearestPixelAtTheScreenPixelCentre() {
    ViewTransform v = view(4, 4, 12, 12);
    v.fit(); // scale 3, origin 0
    assertEquals(3, v.scale());
    int[] expected = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3};
    for (int x = 0; x < 12; x++) {
      assertEquals(expected[x], v.imageColumn(x), "column at screen x " + x);
    }
  }
}
