package io.jimagecuda.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.testing.JavaProcess;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lwjgl-vulkan is an optional dependency: without it on the class path the zero-copy path says why it is
 * unavailable (naming the dependency to add) and the presenter chooser takes the next path. Runs a child JVM
 * ({@link VulkanAbsentProbe}) whose class path is this one without the lwjgl-vulkan jar.
 */
class VulkanAbsentTest {
  @TempDir
  Path dir;

  @Test
  void withTheBindingPresentNothingIsReported() {
    assertNull(Presenters.vulkanBindingAbsence(), "lwjgl-vulkan is on the test class path");
  }

  @Test
  void withoutLwjglVulkanTheZeroCopyPathExplainsAndTheNextPathIsTaken() throws Exception {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    List<String> kept = Arrays.stream(entries).filter(e -> !Path.of(e).getFileName().toString().startsWith("lwjgl-vulkan"))
        .collect(Collectors.toList());
    assertEquals(entries.length - 1, kept.size(), "exactly one lwjgl-vulkan jar on the test class path");

    List<String> command = new ArrayList<>();
    command.add(JavaProcess.java());
    command.addAll(JavaProcess.quietOptions(false));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, kept), VulkanAbsentProbe.class.getName()));
    JavaProcess.Result r = JavaProcess.run(dir, command, 120);
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();

    String expected = "org.lwjgl:lwjgl-vulkan is not on the class path";
    assertTrue(out.contains("absence: the zero-copy path needs LWJGL's Vulkan binding, but " + expected), out);
    assertTrue(out.contains("explicit: the zero-copy path needs LWJGL's Vulkan binding"), "asking for the path explains: " + out);
    assertTrue(out.contains("add the dependency org.lwjgl:lwjgl-vulkan"), "the message says what to do: " + out);
    assertFalse(out.contains("NoClassDefFoundError"), out);
    // The chooser passed over the Vulkan path with that reason and took the next one that works here.
    assertTrue(out.contains("reason: VULKAN_SHARED_TEXTURE unavailable (the zero-copy path needs LWJGL's Vulkan binding"), out);
    assertTrue(out.contains("chosen: CUDA_MAPPED_PBO") || out.contains("chosen: CPU_UPLOAD"), out);
  }
}
