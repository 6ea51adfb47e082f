package io.jimagecuda.internal.io;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding the orientation tag in each container, including the cases {@code ImagesTest} cannot build through
 * ImageIO (WebP, odd JPEG segment layouts, broken metadata), and applying it to pixels.
 */
class ExifOrientationTest {
  /** A TIFF structure whose IFD0 holds a dummy tag and then the orientation tag (type SHORT). */
  private static byte[] tiff(int orientation, ByteOrder order) {
    return tiff(orientation, order, false);
  }

  /** As {@link #tiff(int, ByteOrder)}, the tag stored as a LONG when {@code asLong}. */
  private static byte[] tiff(int orientation, ByteOrder order, boolean asLong) {
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(order);
    b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
    b.putShort((short) 42).putInt(8).putShort((short) 2);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(4).putInt(0); // Make: an ASCII entry to skip
    if (asLong) {
      b.putShort((short) 0x0112).putShort((short) 4).putInt(1).putInt(orientation);
    } else {
      b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    }
    b.putInt(0);
    return b.array();
  }

  /** Issue 13: some writers store the tag as a LONG; the hand-written parser read only SHORT and lost it. */
  @ParameterizedTest
  @ValueSource(ints = {3, 6, 8})
  void longTypedOrientationInEitherByteOrder(int orientation) throws IOException {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      assertEquals(orientation, read(concat(SOI, segment(0xE1, concat(EXIF, tiff(orientation, order, true))), SOS)),
          "JPEG " + order);
      assertEquals(orientation, read(tiff(orientation, order, true)), "TIFF " + order);
    }
  }

  private static int read(byte[] file) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
      in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
      int orientation = ExifOrientation.read(in);
      assertEquals(0, in.getStreamPosition(), "stream must be rewound");
      assertEquals(ByteOrder.LITTLE_ENDIAN, in.getByteOrder(), "byte order must be restored");
      return orientation;
    }
  }

  private static byte[] segment(int marker, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
    b.put((byte) 0xFF).put((byte) marker).putShort((short) (2 + payload.length)).put(payload);
    return b.array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static final byte[] SOI = {(byte) 0xFF, (byte) 0xD8};
  private static final byte[] SOS = {(byte) 0xFF, (byte) 0xDA, 0, 2, 0, 0, 0, 0};
  private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void jpegInEitherByteOrder(int orientation) throws IOException {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      byte[] file = concat(SOI, segment(0xE1, concat(EXIF, tiff(orientation, order))), SOS);
      assertEquals(orientation, read(file), order.toString());
    }
  }

  @Test
  void jpegSkipsOtherSegmentsAndFillBytes() throws IOException {
    byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(US_ASCII));
    byte[] jfif = segment(0xE0, new byte[] {'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0});
    byte[] fill = {(byte) 0xFF};
    byte[] file = concat(SOI, jfif, xmp, fill, segment(0xE1, concat(EXIF, tiff(6, ByteOrder.BIG_ENDIAN))), SOS);
    assertEquals(6, read(file));
  }

  @Test
  void jpegTagAfterTheScanIsIgnored() throws IOException {
    byte[] file = concat(SOI, SOS, segment(0xE1, concat(EXIF, tiff(6, ByteOrder.BIG_ENDIAN))));
    assertEquals(1, read(file));
  }

  @Test
  void webpExifChunkWithAndWithoutExifPrefix() throws IOException {
    for (byte[] payload : new byte[][] {tiff(8, ByteOrder.LITTLE_ENDIAN), concat(EXIF, tiff(3, ByteOrder.BIG_ENDIAN))}) {
      byte[] vp8x = chunk("VP8X", new byte[10]);
      byte[] odd = chunk("ICCP", new byte[] {1, 2, 3}); // odd size: padded to even
      byte[] exif = chunk("EXIF", payload);
      byte[] body = concat("WEBP".getBytes(US_ASCII), vp8x, odd, exif);
      ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      riff.put("RIFF".getBytes(US_ASCII)).putInt(body.length);
      assertEquals(payload.length == 38 ? 8 : 3, read(concat(riff.array(), body)));
    }
  }

  private static byte[] chunk(String fourcc, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(fourcc.getBytes(US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }

  @Test
  void tiffFileIfd0() throws IOException {
    assertEquals(7, read(tiff(7, ByteOrder.BIG_ENDIAN)));
    assertEquals(2, read(tiff(2, ByteOrder.LITTLE_ENDIAN)));
  }

  @Test
  void brokenOrMissingMetadataMeansNoRotation() throws IOException {
    byte[] good = concat(EXIF, tiff(6, ByteOrder.BIG_ENDIAN));
    byte[] badOffset = good.clone();
    badOffset[6 + 7] = 100; // IFD0 offset beyond the data
    assertEquals(1, read(concat(SOI, segment(0xE1, badOffset), SOS)));
    assertEquals(1, read(concat(SOI, segment(0xE1, concat(EXIF, tiff(9, ByteOrder.BIG_ENDIAN))), SOS)), "out of range");
    assertEquals(1, read(concat(SOI, segment(0xE1, concat(EXIF, tiff(0, ByteOrder.BIG_ENDIAN))), SOS)), "out of range");
    assertEquals(1, read(Arrays.copyOf(concat(SOI, segment(0xE1, good)), 20)), "truncated");
    assertEquals(1, read(new byte[] {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), "BMP has no tag");
    assertEquals(1, read(new byte[] {1, 2, 3}), "too short to identify");
  }

  @Test
  void applyMovesEveryPixel() {
    // 3 × 2 image, pixel values 1..6 in the red byte: 1 2 3 / 4 5 6.
    byte[] data = new byte[6 * 4];
    for (int p = 0; p < 6; p++) {
      data[p * 4] = (byte) (p + 1);
      data[p * 4 + 3] = (byte) 200;
    }
    Rgba8 img = new Rgba8(3, 2, data);
    int[][] expected = {
        null,
        {1, 2, 3, 4, 5, 6},
        {3, 2, 1, 6, 5, 4},
        {6, 5, 4, 3, 2, 1},
        {4, 5, 6, 1, 2, 3},
        {1, 4, 2, 5, 3, 6},
        {4, 1, 5, 2, 6, 3},
        {6, 3, 5, 2, 4, 1},
        {3, 6, 2, 5, 1, 4},
    };
    for (int o = 1; o <= 8; o++) {
      Rgba8 out = ExifOrientation.apply(img, o);
      assertEquals(o >= 5 ? 2 : 3, out.width(), "orientation " + o);
      assertEquals(o >= 5 ? 3 : 2, out.height(), "orientation " + o);
      int[] reds = new int[6];
      for (int p = 0; p < 6; p++) {
        reds[p] = out.data()[p * 4];
        assertEquals((byte) 200, out.data()[p * 4 + 3]);
      }
      assertArrayEquals(expected[o], reds, "orientation " + o);
    }
  }
}
