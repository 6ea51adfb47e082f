package io.jimagecuda.gl;

import io.jimagecuda.testing.JavaProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.examples.MinimalPreview;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's minimal example runs in a real window (under Xvfb) for three frames and exits cleanly
 * (pixels of the same pipeline are checked by {@code GLResourceTest} and {@code PreviewTest}).
 */
class MinimalPreviewTest {
  @TempDir
  Path tmp;

  @Test
  void runsFramesInAWindowAndExits() throws Exception {
    try (XvfbServer x = XvfbServer.start(tmp, 1280, 720)) {
      JavaProcess.Result r = JavaProcess.run(x.java(MinimalPreview.class.getName(), "3"), 60);
      String out = r.out();
      assertEquals(0, r.exit(), out);
      assertTrue(out.contains("GLResource(pbo ") && out.contains("active"), out);
    }
  }
}
