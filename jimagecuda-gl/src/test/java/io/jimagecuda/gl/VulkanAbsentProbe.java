package io.jimagecuda.gl;

import io.jimagecuda.gl.context.EglContext;

/**
 * A separate JVM for {@link VulkanAbsentTest}, started with a class path without lwjgl-vulkan: prints why the
 * zero-copy path is unavailable, what asking for it explicitly says, and which path the presenter chooser
 * takes after it (on a headless EGL context).
 */
final class VulkanAbsentProbe {
  private VulkanAbsentProbe() {
  }

  public static void main(String[] args) {
    System.out.println("absence: " + Presenters.vulkanBindingAbsence());
    try (EglContext gl = EglContext.open()) {
      try (Presenter p = Presenters.on(64, 32, PresentPath.VULKAN_SHARED_TEXTURE)) {
        System.out.println("explicit: created " + p.path());
      } catch (UnsupportedOperationException e) {
        System.out.println("explicit: " + e.getMessage());
      }
      try (Presenter p = Presenters.firstWorking(64, 32, new PresentPath[] {PresentPath.VULKAN_SHARED_TEXTURE}, "")) {
        System.out.println("chosen: " + p.path());
        System.out.println("reason: " + p.pathReason());
      }
      System.out.println("context: " + gl.describe());
    }
  }
}
