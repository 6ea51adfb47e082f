package io.jimagecuda.gl.vulkan;

import static io.jimagecuda.gl.vulkan.VulkanSharedImage.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.vkCreateSemaphore;
import static org.lwjgl.vulkan.VK10.vkDestroySemaphore;
import static org.lwjgl.vulkan.VK11.VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.KHRExternalSemaphoreFd;
import org.lwjgl.vulkan.VkExportSemaphoreCreateInfo;
import org.lwjgl.vulkan.VkSemaphoreCreateInfo;
import org.lwjgl.vulkan.VkSemaphoreGetFdInfoKHR;

/**
 * A binary semaphore created by Vulkan on the CUDA device's GPU and exported as opaque POSIX file
 * descriptors, so that CUDA and OpenGL can import it and order their work on the GPU without a CPU wait.
 * Each {@link #exportFd()} returns a new fd whose importer owns it. Close it after both imports.
 */
public final class VulkanSemaphore implements AutoCloseable {
  private final VulkanDevice vk;
  private final long semaphore;
  private boolean closed;

  private VulkanSemaphore(VulkanDevice vk, long semaphore) {
    this.vk = vk;
    this.semaphore = semaphore;
  }

  /**
   * {@return whether the GPU with that UUID can export semaphores ({@code VK_KHR_external_semaphore_fd})}
   *
   * @param deviceUuid the GPU's 16-byte UUID
   */
  public static boolean supported(byte[] deviceUuid) {
    return VulkanDevice.forUuid(deviceUuid).semaphoreFd;
  }

  /**
   * Creates an exportable binary semaphore on the GPU with that UUID.
   *
   * @param deviceUuid the GPU's 16-byte UUID
   * @return the semaphore, which the caller closes
   * @throws VulkanException if the device cannot export semaphores or the call fails
   */
  public static VulkanSemaphore create(byte[] deviceUuid) {
    VulkanDevice vk = VulkanDevice.forUuid(deviceUuid);
    if (!vk.semaphoreFd) {
      throw new VulkanException("The Vulkan device lacks " + KHRExternalSemaphoreFd.VK_KHR_EXTERNAL_SEMAPHORE_FD_EXTENSION_NAME);
    }
    try (MemoryStack stack = stackPush()) {
      VkExportSemaphoreCreateInfo export = VkExportSemaphoreCreateInfo.calloc(stack).sType$Default()
          .handleTypes(VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT);
      LongBuffer lp = stack.mallocLong(1);
      check("vkCreateSemaphore(exportable)", vkCreateSemaphore(vk.device,
          VkSemaphoreCreateInfo.calloc(stack).sType$Default().pNext(export), null, lp));
      return new VulkanSemaphore(vk, lp.get(0));
    }
  }

  /** {@return a new opaque fd of the semaphore; the importer (CUDA, GL) owns it} */
  public int exportFd() {
    if (closed) {
      throw new IllegalStateException("VulkanSemaphore has been closed");
    }
    try (MemoryStack stack = stackPush()) {
      IntBuffer fd = stack.mallocInt(1);
      check("vkGetSemaphoreFdKHR", KHRExternalSemaphoreFd.vkGetSemaphoreFdKHR(vk.device, VkSemaphoreGetFdInfoKHR
          .calloc(stack).sType$Default().semaphore(semaphore).handleType(VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT),
          fd));
      return fd.get(0);
    }
  }

  /** Destroys the semaphore; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      vkDestroySemaphore(vk.device, semaphore, null);
    }
  }
}
