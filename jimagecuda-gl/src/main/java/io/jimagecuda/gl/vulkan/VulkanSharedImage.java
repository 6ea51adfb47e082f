package io.jimagecuda.gl.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK11.VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_EXPORT_MEMORY_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_EXTERNAL_MEMORY_IMAGE_CREATE_INFO;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ID_PROPERTIES;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
import static org.lwjgl.vulkan.VK11.vkGetPhysicalDeviceProperties2;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.KHRExternalMemoryFd;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkBufferCreateInfo;
import org.lwjgl.vulkan.VkBufferImageCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkExportMemoryAllocateInfo;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkExternalMemoryImageCreateInfo;
import org.lwjgl.vulkan.VkImageCreateInfo;
import org.lwjgl.vulkan.VkImageMemoryBarrier;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkMemoryAllocateInfo;
import org.lwjgl.vulkan.VkMemoryDedicatedAllocateInfo;
import org.lwjgl.vulkan.VkMemoryGetFdInfoKHR;
import org.lwjgl.vulkan.VkMemoryRequirements;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceIDProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties2;
import org.lwjgl.vulkan.VkQueue;
import org.lwjgl.vulkan.VkQueueFamilyProperties;
import org.lwjgl.vulkan.VkSubmitInfo;
import org.lwjgl.vulkan.VK12;

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
  private final VkInstance instance;
  private final VkPhysicalDevice physical;
  private final VkDevice device;
  private final int queueFamily;
  private final int width;
  private final int height;
  private final long image;
  private final long memory;
  private final long memorySize;
  private boolean closed;

  private VulkanSharedImage(VkInstance instance, VkPhysicalDevice physical, VkDevice device, int queueFamily,
      int width, int height, long image, long memory, long memorySize) {
    this.instance = instance;
    this.physical = physical;
    this.device = device;
    this.queueFamily = queueFamily;
    this.width = width;
    this.height = height;
    this.image = image;
    this.memory = memory;
    this.memorySize = memorySize;
  }

  /**
   * Creates the image on the Vulkan device whose UUID is {@code deviceUuid} (the CUDA device's).
   *
   * @throws VulkanException when the loader, a matching device or the extension is missing, or a call fails
   */
  public static VulkanSharedImage create(byte[] deviceUuid, int width, int height) {
    loadVulkan();
    VkInstance instance = createInstance();
    VkDevice device = null;
    long image = VK_NULL_HANDLE;
    long memory = VK_NULL_HANDLE;
    try (MemoryStack stack = stackPush()) {
      VkPhysicalDevice physical = findDevice(instance, deviceUuid);
      int family = queueFamily(physical);
      device = createDevice(physical, family);

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
          .memoryTypeIndex(memoryType(physical, req.memoryTypeBits(), VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT));
      check("vkAllocateMemory(" + req.size() + " bytes, exportable)", vkAllocateMemory(device, alloc, null, lp));
      memory = lp.get(0);
      check("vkBindImageMemory", vkBindImageMemory(device, image, memory, 0));
      return new VulkanSharedImage(instance, physical, device, family, width, height, image, memory, req.size());
    } catch (RuntimeException e) {
      if (device != null) {
        if (image != VK_NULL_HANDLE) {
          vkDestroyImage(device, image, null);
        }
        if (memory != VK_NULL_HANDLE) {
          vkFreeMemory(device, memory, null);
        }
        vkDestroyDevice(device, null);
      }
      vkDestroyInstance(instance, null);
      throw e;
    }
  }

  private static void loadVulkan() {
    try {
      VK.getFunctionProvider();
    } catch (IllegalStateException notYet) {
      try {
        VK.create();
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        throw new VulkanException("The Vulkan loader (libvulkan.so.1) could not be loaded: " + e.getMessage()
            + ". Install it (Debian/Ubuntu: libvulkan1) with the NVIDIA driver's Vulkan ICD", e);
      }
    }
  }

  private static VkInstance createInstance() {
    try (MemoryStack stack = stackPush()) {
      VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
          .pApplicationName(stack.UTF8("JImageCUDA")).apiVersion(VK12.VK_API_VERSION_1_2);
      VkInstanceCreateInfo info = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app);
      PointerBuffer pp = stack.mallocPointer(1);
      check("vkCreateInstance", vkCreateInstance(info, null, pp));
      return new VkInstance(pp.get(0), info);
    }
  }

  private static VkPhysicalDevice findDevice(VkInstance instance, byte[] uuid) {
    try (MemoryStack stack = stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      check("vkEnumeratePhysicalDevices", vkEnumeratePhysicalDevices(instance, count, null));
      PointerBuffer devices = stack.mallocPointer(count.get(0));
      check("vkEnumeratePhysicalDevices", vkEnumeratePhysicalDevices(instance, count, devices));
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < count.get(0); i++) {
        VkPhysicalDevice d = new VkPhysicalDevice(devices.get(i), instance);
        VkPhysicalDeviceIDProperties id = VkPhysicalDeviceIDProperties.calloc(stack)
            .sType(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ID_PROPERTIES);
        VkPhysicalDeviceProperties2 props = VkPhysicalDeviceProperties2.calloc(stack)
            .sType(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2).pNext(id);
        vkGetPhysicalDeviceProperties2(d, props);
        byte[] candidate = new byte[16];
        id.deviceUUID().get(candidate);
        seen.append(seen.length() == 0 ? "" : ", ").append(props.properties().deviceNameString());
        if (Arrays.equals(candidate, uuid) && hasExtension(d, KHRExternalMemoryFd.VK_KHR_EXTERNAL_MEMORY_FD_EXTENSION_NAME)) {
          return d;
        }
      }
      throw new VulkanException("No Vulkan device matches the CUDA device's UUID with "
          + KHRExternalMemoryFd.VK_KHR_EXTERNAL_MEMORY_FD_EXTENSION_NAME + " (Vulkan devices: "
          + (seen.length() == 0 ? "none" : seen) + "). Is the NVIDIA Vulkan ICD installed (VK_DRIVER_FILES)?");
    }
  }

  private static boolean hasExtension(VkPhysicalDevice d, String name) {
    try (MemoryStack stack = stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      check("vkEnumerateDeviceExtensionProperties", vkEnumerateDeviceExtensionProperties(d, (ByteBuffer) null, count, null));
      VkExtensionProperties.Buffer props = VkExtensionProperties.malloc(count.get(0), stack);
      check("vkEnumerateDeviceExtensionProperties", vkEnumerateDeviceExtensionProperties(d, (ByteBuffer) null, count, props));
      for (VkExtensionProperties p : props) {
        if (p.extensionNameString().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  private static int queueFamily(VkPhysicalDevice d) {
    try (MemoryStack stack = stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      vkGetPhysicalDeviceQueueFamilyProperties(d, count, null);
      VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(count.get(0), stack);
      vkGetPhysicalDeviceQueueFamilyProperties(d, count, families);
      for (int i = 0; i < families.capacity(); i++) {
        if ((families.get(i).queueFlags() & (VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT | VK_QUEUE_TRANSFER_BIT)) != 0) {
          return i;
        }
      }
      throw new VulkanException("The Vulkan device has no queue family that can transfer");
    }
  }

  private static VkDevice createDevice(VkPhysicalDevice physical, int family) {
    try (MemoryStack stack = stackPush()) {
      VkDeviceQueueCreateInfo.Buffer queue = VkDeviceQueueCreateInfo.calloc(1, stack).sType$Default()
          .queueFamilyIndex(family).pQueuePriorities(stack.floats(1f));
      PointerBuffer ext = stack.pointers(stack.UTF8(KHRExternalMemoryFd.VK_KHR_EXTERNAL_MEMORY_FD_EXTENSION_NAME));
      VkDeviceCreateInfo info = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(queue)
          .ppEnabledExtensionNames(ext);
      PointerBuffer pp = stack.mallocPointer(1);
      check("vkCreateDevice", vkCreateDevice(physical, info, null, pp));
      return new VkDevice(pp.get(0), physical, info, VK12.VK_API_VERSION_1_2);
    }
  }

  private static int memoryType(VkPhysicalDevice d, int typeBits, int flags) {
    try (MemoryStack stack = stackPush()) {
      VkPhysicalDeviceMemoryProperties props = VkPhysicalDeviceMemoryProperties.malloc(stack);
      vkGetPhysicalDeviceMemoryProperties(d, props);
      for (int i = 0; i < props.memoryTypeCount(); i++) {
        if ((typeBits & (1 << i)) != 0 && (props.memoryTypes(i).propertyFlags() & flags) == flags) {
          return i;
        }
      }
      throw new VulkanException("No Vulkan memory type with flags 0x" + Integer.toHexString(flags)
          + " among 0x" + Integer.toHexString(typeBits));
    }
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** Size of the image's memory in bytes (what importers must be told). */
  public long memorySize() {
    return memorySize;
  }

  /** Exports a new opaque POSIX fd of the image's memory; the importer (CUDA, GL) owns it. */
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
          .memoryTypeIndex(memoryType(physical, req.memoryTypeBits(),
              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT));
      check("vkAllocateMemory(readback)", vkAllocateMemory(device, ai, null, lp));
      long hostMemory = lp.get(0);
      long pool = VK_NULL_HANDLE;
      try {
        check("vkBindBufferMemory", vkBindBufferMemory(device, buffer, hostMemory, 0));
        VkCommandPoolCreateInfo pi = VkCommandPoolCreateInfo.calloc(stack).sType$Default()
            .queueFamilyIndex(queueFamily);
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
        vkGetDeviceQueue(device, queueFamily, 0, q);
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
   * Puts the image into the GENERAL layout once, before CUDA or GL first touch it, so Vulkan-side copies
   * keep what they write. Called by {@link #create}'s users that read back through Vulkan.
   */
  public void prepareGeneralLayout() {
    requireOpen();
    try (MemoryStack stack = stackPush()) {
      LongBuffer lp = stack.mallocLong(1);
      VkCommandPoolCreateInfo pi = VkCommandPoolCreateInfo.calloc(stack).sType$Default().queueFamilyIndex(queueFamily);
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
        vkGetDeviceQueue(device, queueFamily, 0, q);
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

  /** Destroys the image, its memory, the device and the instance; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    vkDeviceWaitIdle(device);
    vkDestroyImage(device, image, null);
    vkFreeMemory(device, memory, null);
    vkDestroyDevice(device, null);
    vkDestroyInstance(instance, null);
  }

  static void check(String call, int result) {
    if (result != VK_SUCCESS) {
      throw new VulkanException(call + " failed: " + VulkanException.resultName(result) + " (" + result + ")");
    }
  }
}
