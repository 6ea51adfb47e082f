package io.jimagecuda.gl.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK11.VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.KHRExternalMemoryFd;
import org.lwjgl.vulkan.VkBufferCreateInfo;
import org.lwjgl.vulkan.VkBufferImageCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkExportMemoryAllocateInfo;
import org.lwjgl.vulkan.VkExternalMemoryImageCreateInfo;
import org.lwjgl.vulkan.VkImageCreateInfo;
import org.lwjgl.vulkan.VkImageMemoryBarrier;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryDedicatedAllocateInfo;
import org.lwjgl.vulkan.VkMemoryGetFdInfoKHR;
import org.lwjgl.vulkan.VkMemoryRequirements;
import org.lwjgl.vulkan.VkQueue;
import org.lwjgl.vulkan.VkSubmitInfo;

/**
 * An RGBA8 2D image owned by Vulkan on the GPU that CUDA uses, exported as opaque POSIX file
 * descriptors: CUDA imports it and writes it with surface stores, OpenGL imports the same memory as the
 * texture it draws. This is the zero-copy present target: no map, no copy and no GL upload per frame.
 *
 * <p>Recipe (proven on the GPU machine, see shared notes "present paths"): a Vulkan 1.1+ instance; the
 * physical device whose {@code deviceUUID} equals the CUDA device's UUID; a device with
 * {@code VK_KHR_external_memory_fd}; an optimally tiled {@code R8G8B8A8_UNORM} image usable as sampled,
 * storage, colour attachment and transfer source/destination, created with external-memory info for
 * opaque fds; dedicated, exportable device-local memory. Each {@link #exportFd()} returns a new fd whose
 * importer owns it.
 *
 * <p>Every Vulkan call is checked: failures throw {@link VulkanException} naming the call and the
 * {@code VkResult}. Not thread-safe. Close it after the CUDA and GL imports are released.
 */
public final class VulkanSharedImage implements AutoCloseable {
  private final VulkanDevice vk;
  private final VkDevice device;
  private final int width;
  private final int height;
  private final long image;
  private final long memory;
  private final long memorySize;
  private boolean closed;

  private VulkanSharedImage(VulkanDevice vk, int width, int height, long image, long memory, long memorySize) {
    this.vk = vk;
    this.device = vk.device;
    this.width = width;
    this.height = height;
    this.image = image;
    this.memory = memory;
    this.memorySize = memorySize;
  }

  /**
   * Creates the image on the Vulkan device whose UUID is {@code deviceUuid} (the CUDA device's).
   *
   * @param deviceUuid the GPU's 16-byte UUID
   * @param width the width in pixels
   * @param height the height in pixels
   * @return the image, which the caller closes
   * @throws VulkanException when the loader, a matching device or the extension is missing, or a call fails
   */
  public static VulkanSharedImage create(byte[] deviceUuid, int width, int height) {
    VulkanDevice vk = VulkanDevice.forUuid(deviceUuid);
    VkDevice device = vk.device;
    long image = VK_NULL_HANDLE;
    long memory = VK_NULL_HANDLE;
    try (MemoryStack stack = stackPush()) {
      VkExternalMemoryImageCreateInfo external = VkExternalMemoryImageCreateInfo.calloc(stack)
          .sType$Default().handleTypes(VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT);
      VkImageCreateInfo info = VkImageCreateInfo.calloc(stack).sType$Default().pNext(external)
          .imageType(VK_IMAGE_TYPE_2D).format(VK_FORMAT_R8G8B8A8_UNORM)
          .mipLevels(1).arrayLayers(1).samples(VK_SAMPLE_COUNT_1_BIT).tiling(VK_IMAGE_TILING_OPTIMAL)
          .usage(VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT
              | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT)
          .sharingMode(VK_SHARING_MODE_EXCLUSIVE).initialLayout(VK_IMAGE_LAYOUT_UNDEFINED);
      info.extent().set(width, height, 1);
      LongBuffer lp = stack.mallocLong(1);
      check("vkCreateImage", vkCreateImage(device, info, null, lp));
      image = lp.get(0);

      VkMemoryRequirements req = VkMemoryRequirements.calloc(stack);
      vkGetImageMemoryRequirements(device, image, req);
      VkMemoryDedicatedAllocateInfo dedicated = VkMemoryDedicatedAllocateInfo.calloc(stack)
          .sType$Default().image(image);
      VkExportMemoryAllocateInfo export = VkExportMemoryAllocateInfo.calloc(stack).sType$Default()
          .pNext(dedicated.address()).handleTypes(VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT);
      VkMemoryAllocateInfo alloc = VkMemoryAllocateInfo.calloc(stack).sType$Default().pNext(export)
          .allocationSize(req.size())
          .memoryTypeIndex(VulkanDevice.memoryType(vk.physical, req.memoryTypeBits(), VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT));
      check("vkAllocateMemory(" + req.size() + " bytes, exportable)", vkAllocateMemory(device, alloc, null, lp));
      memory = lp.get(0);
      check("vkBindImageMemory", vkBindImageMemory(device, image, memory, 0));
      VulkanSharedImage shared = new VulkanSharedImage(vk, width, height, image, memory, req.size());
      shared.transitionToGeneralLayout();
      return shared;
    } catch (RuntimeException e) {
      if (image != VK_NULL_HANDLE) {
        vkDestroyImage(device, image, null);
      }
      if (memory != VK_NULL_HANDLE) {
        vkFreeMemory(device, memory, null);
      }
      throw e;
    }
  }

  /** {@return the width in pixels} */
  public int width() {
    return width;
  }

  /** {@return the height in pixels} */
  public int height() {
    return height;
  }

  /** {@return the size of the image's memory in bytes (what importers must be told)} */
  public long memorySize() {
    return memorySize;
  }

  /** {@return a new opaque POSIX fd of the image's memory; the importer (CUDA, GL) owns it} */
  public int exportFd() {
    requireOpen();
    try (MemoryStack stack = stackPush()) {
      VkMemoryGetFdInfoKHR info = VkMemoryGetFdInfoKHR.calloc(stack).sType$Default().memory(memory)
          .handleType(VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT);
      IntBuffer fd = stack.mallocInt(1);
      check("vkGetMemoryFdKHR", KHRExternalMemoryFd.vkGetMemoryFdKHR(device, info, fd));
      return fd.get(0);
    }
  }

  /**
   * Copies the image to the host through Vulkan (tightly packed RGBA8 rows, row 0 first). For tests
   * and diagnostics; waits for the copy. The image must not be in use by CUDA or GL meanwhile.
   *
   * @return {@code width·height·4} bytes
   */
  public byte[] readback() {
    requireOpen();
    long bytes = (long) width * height * 4;
    try (MemoryStack stack = stackPush()) {
      LongBuffer lp = stack.mallocLong(1);
      VkBufferCreateInfo bi = VkBufferCreateInfo.calloc(stack).sType$Default().size(bytes)
          .usage(VK_BUFFER_USAGE_TRANSFER_DST_BIT).sharingMode(VK_SHARING_MODE_EXCLUSIVE);
      check("vkCreateBuffer", vkCreateBuffer(device, bi, null, lp));
      long buffer = lp.get(0);
      VkMemoryRequirements req = VkMemoryRequirements.calloc(stack);
      vkGetBufferMemoryRequirements(device, buffer, req);
      VkMemoryAllocateInfo ai = VkMemoryAllocateInfo.calloc(stack).sType$Default().allocationSize(req.size())
          .memoryTypeIndex(VulkanDevice.memoryType(vk.physical, req.memoryTypeBits(),
              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT));
      check("vkAllocateMemory(readback)", vkAllocateMemory(device, ai, null, lp));
      long hostMemory = lp.get(0);
      long pool = VK_NULL_HANDLE;
      try {
        check("vkBindBufferMemory", vkBindBufferMemory(device, buffer, hostMemory, 0));
        VkCommandPoolCreateInfo pi = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
            .queueFamilyIndex(vk.queueFamily);
        check("vkCreateCommandPool", vkCreateCommandPool(device, pi, null, lp));
        pool = lp.get(0);
        VkCommandBufferAllocateInfo cai = VkCommandBufferAllocateInfo.calloc(stack).sType$Default()
            .commandPool(pool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1);
        PointerBuffer pp = stack.mallocPointer(1);
        check("vkAllocateCommandBuffers", vkAllocateCommandBuffers(device, cai, pp));
        VkCommandBuffer cmd = new VkCommandBuffer(pp.get(0), device);
        check("vkBeginCommandBuffer", vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(stack)
            .sType$Default().flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)));
        // The contents written by CUDA are kept: the image is used in the GENERAL layout throughout.
        VkImageMemoryBarrier.Buffer barrier = VkImageMemoryBarrier.calloc(1, stack).sType$Default()
            .srcAccessMask(VK_ACCESS_MEMORY_WRITE_BIT).dstAccessMask(VK_ACCESS_TRANSFER_READ_BIT)
            .oldLayout(VK_IMAGE_LAYOUT_GENERAL).newLayout(VK_IMAGE_LAYOUT_GENERAL)
            .srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
            .image(image);
        barrier.subresourceRange().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1);
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, null,
            null, barrier);
        VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, stack);
        region.imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1);
        region.imageExtent().set(width, height, 1);
        vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_GENERAL, buffer, region);
        check("vkEndCommandBuffer", vkEndCommandBuffer(cmd));
        PointerBuffer q = stack.mallocPointer(1);
        vkGetDeviceQueue(device, vk.queueFamily, 0, q);
        VkQueue queue = new VkQueue(q.get(0), device);
        check("vkQueueSubmit", vkQueueSubmit(queue, VkSubmitInfo.calloc(stack).sType$Default()
            .pCommandBuffers(stack.pointers(cmd)), VK_NULL_HANDLE));
        check("vkQueueWaitIdle", vkQueueWaitIdle(queue));
        PointerBuffer mapped = stack.mallocPointer(1);
        check("vkMapMemory", vkMapMemory(device, hostMemory, 0, bytes, 0, mapped));
        byte[] out = new byte[(int) bytes];
        MemoryUtil.memByteBuffer(mapped.get(0), (int) bytes).get(out);
        vkUnmapMemory(device, hostMemory);
        return out;
      } finally {
        if (pool != VK_NULL_HANDLE) {
          vkDestroyCommandPool(device, pool, null);
        }
        vkDestroyBuffer(device, buffer, null);
        vkFreeMemory(device, hostMemory, null);
      }
    }
  }

  /**
   * Puts the image into the GENERAL layout once, before CUDA or GL first touch it: this initialises the
   * driver's per-image metadata, without which OpenGL read stale values from memory CUDA had written.
   */
  private void transitionToGeneralLayout() {
    try (MemoryStack stack = stackPush()) {
      LongBuffer lp = stack.mallocLong(1);
      VkCommandPoolCreateInfo pi = VkCommandPoolCreateInfo.calloc(stack).sType$Default().queueFamilyIndex(vk.queueFamily);
      check("vkCreateCommandPool", vkCreateCommandPool(device, pi, null, lp));
      long pool = lp.get(0);
      try {
        PointerBuffer pp = stack.mallocPointer(1);
        check("vkAllocateCommandBuffers", vkAllocateCommandBuffers(device, VkCommandBufferAllocateInfo.calloc(stack)
            .sType$Default().commandPool(pool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1), pp));
        VkCommandBuffer cmd = new VkCommandBuffer(pp.get(0), device);
        check("vkBeginCommandBuffer", vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(stack)
            .sType$Default().flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)));
        VkImageMemoryBarrier.Buffer barrier = VkImageMemoryBarrier.calloc(1, stack).sType$Default()
            .oldLayout(VK_IMAGE_LAYOUT_UNDEFINED).newLayout(VK_IMAGE_LAYOUT_GENERAL)
            .srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).image(image);
        barrier.subresourceRange().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1);
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, null,
            null, barrier);
        check("vkEndCommandBuffer", vkEndCommandBuffer(cmd));
        PointerBuffer q = stack.mallocPointer(1);
        vkGetDeviceQueue(device, vk.queueFamily, 0, q);
        VkQueue queue = new VkQueue(q.get(0), device);
        check("vkQueueSubmit", vkQueueSubmit(queue, VkSubmitInfo.calloc(stack).sType$Default()
            .pCommandBuffers(stack.pointers(cmd)), VK_NULL_HANDLE));
        check("vkQueueWaitIdle", vkQueueWaitIdle(queue));
      } finally {
        vkDestroyCommandPool(device, pool, null);
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("VulkanSharedImage has been closed");
    }
  }

  /** Destroys the image and its memory; the shared Vulkan device stays for later images. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    vkDeviceWaitIdle(device);
    vkDestroyImage(device, image, null);
    vkFreeMemory(device, memory, null);
  }

  static void check(String call, int result) {
    if (result != VK_SUCCESS) {
      throw new VulkanException(call + " failed: " + VulkanException.resultName(result) + " (" + result + ")");
    }
  }
}
