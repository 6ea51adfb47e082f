package io.jimagecuda.gl.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jimagecuda.gl.PresentPath;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreviewOptionsTest {
  @Test
  void pathNamesEveryPresentPathAndTheShortNames() {
    assertNull(PreviewOptions.path("auto"));
    assertEquals(PresentPath.CUDA_MAPPED_PBO, PreviewOptions.path("cuda"));
    assertEquals(PresentPath.CPU_UPLOAD, PreviewOptions.path("CPU"));
    assertEquals(PresentPath.VULKAN_SHARED_TEXTURE, PreviewOptions.path("vulkan-shared-texture"));
    for (PresentPath p : PresentPath.values()) {
      assertEquals(p, PreviewOptions.path(p.name().toLowerCase(Locale.ROOT)));
    }
    assertEquals("--path expects auto, cuda, cpu or a present path (vulkan_shared_texture, cuda_exported_buffer, "
        + "cuda_mapped_texture, cuda_mapped_pbo, cpu_upload), got 'gpu'",
        assertThrows(IllegalArgumentException.class, () -> PreviewOptions.path("gpu")).getMessage());
  }

  @Test
  void headlessDefaultsAndSavedFrames() {
    PreviewOptions o = PreviewOptions.parse("--headless", "--size", "64x48", "--out", "frames", "--save", "0,9",
        "--path", "cpu_upload");
    assertEquals(64, o.width);
    assertEquals(48, o.height);
    assertEquals(120, o.frames);
    assertEquals(Path.of("frames"), o.out);
    assertEquals(Set.of(0L, 9L), o.save);
    assertEquals(PresentPath.CPU_UPLOAD, o.path);
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("--out is for --headless runs",
        assertThrows(IllegalArgumentException.class, () -> PreviewOptions.parse("--out", "x")).getMessage());
    assertEquals("--size expects WIDTHxHEIGHT, e.g. 1280x720",
        assertThrows(IllegalArgumentException.class, () -> PreviewOptions.parse("--size", "12")).getMessage());
    assertEquals("--frames must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> PreviewOptions.parse("--frames", "0")).getMessage());
  }
}
