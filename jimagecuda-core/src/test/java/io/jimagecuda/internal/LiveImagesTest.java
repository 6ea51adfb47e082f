package io.jimagecuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import org.junit.jupiter.api.Test;

class LiveImagesTest {
  @Test
  void countsImagesUntilTheyAreFreedOnce() {
    long before = LiveImages.count();
    Image a = new Image(4, 3, BackendKind.CPU);
    ImageU8 b = new ImageU8(2, 2, BackendKind.CPU);
    assertEquals(before + 2, LiveImages.count());
    a.free();
    a.free(); // a second free releases nothing
    assertEquals(before + 1, LiveImages.count());
    b.close();
    assertEquals(before, LiveImages.count());
  }

  @Test
  void aRejectedCreationCountsNothing() {
    long before = LiveImages.count();
    assertThrows(IllegalArgumentException.class, () -> new Image(0, 3, BackendKind.CPU));
    assertEquals(before, LiveImages.count());
  }
}
