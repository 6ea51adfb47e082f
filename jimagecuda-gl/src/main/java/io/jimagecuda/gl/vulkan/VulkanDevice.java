package io.jimagecuda.gl.vulkan;

import static io.jimagecuda.gl.vulkan.VulkanSharedImage.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ID_PROPERTIES;
import static org.lwjgl.vulkan.VK11.VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
import static org.lwjgl.vulkan.VK11.vkGetPhysicalDeviceProperties2;

import io.jimagecuda.gl.context.GlEnvironment;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.KHRExternalMemoryFd;
import org.lwjgl.vulkan.KHRExternalSemaphoreFd;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VK12;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceIDProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties2;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/**
 * One Vulkan instance and logical device per GPU, created on first use and kept until the JVM exits.
 * Measured on the GPU machine: OpenGL read only zeros from Vulkan memory imported after an earlier
 * Vulkan device of the same process had been destroyed, so devices are shared, never torn down early.
 */
final class VulkanDevice {
  private static final Map<String, VulkanDevice> DEVICES = new HashMap<>();

  final VkInstance instance;
  final VkPhysicalDevice physical;
  final VkDevice device;
  final int queueFamily;
  /** Whether {@code VK_KHR_external_semaphore_fd} is enabled (exportable semaphores). */
  final boolean semaphoreFd;

  private VulkanDevice(VkInstance instance, VkPhysicalDevice physical, VkDevice device, int queueFamily,
      boolean semaphoreFd) {
    this.instance = instance;
    this.physical = physical;
    this.device = device;
    this.queueFamily = queueFamily;
    this.semaphoreFd = semaphoreFd;
  }

  /** The device of the GPU with that UUID, created on first use. */
  static synchronized VulkanDevice forUuid(byte[] uuid) {
    String key = Arrays.toString(uuid);
    VulkanDevice d = DEVICES.get(key);
    if (d == null) {
      // NVIDIA's Vulkan driver loads the same core library as its OpenGL driver, which reads
      // __GL_THREADED_OPTIMIZATIONS once: set it first, or CUDA-OpenGL interop fails later in this process
      // (measured on the H200: Vulkan first, then OpenGL, gave GlEnvironment APPLIED_LATE and empty frames).
      GlEnvironment.prepare();
      loadVulkan();
      VkInstance instance = createInstance();
      try {
        VkPhysicalDevice physical = findDevice(instance, uuid);
        int family = queueFamily(physical);
        boolean semaphores = hasExtension(physical, KHRExternalSemaphoreFd.VK_KHR_EXTERNAL_SEMAPHORE_FD_EXTENSION_NAME);
        d = new VulkanDevice(instance, physical, createDevice(physical, family, semaphores), family, semaphores);
      } catch (RuntimeException e) {
        vkDestroyInstance(instance, null);
        throw e;
      }
      if (DEVICES.isEmpty()) {
        Runtime.getRuntime().addShutdownHook(new Thread(VulkanDevice::destroyAll, "jimagecuda-vulkan-exit"));
      }
      DEVICES.put(key, d);
    }
    return d;
  }

  private static synchronized void destroyAll() {
    for (VulkanDevice d : DEVICES.values()) {
      vkDeviceWaitIdle(d.device);
      vkDestroyDevice(d.device, null);
      vkDestroyInstance(d.instance, null);
    }
    DEVICES.clear();
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

  private static VkDevice createDevice(VkPhysicalDevice physical, int family, boolean semaphores) {
    try (MemoryStack stack = stackPush()) {
      VkDeviceQueueCreateInfo.Buffer queue = VkDeviceQueueCreateInfo.calloc(1, stack).sType$Default()
          .queueFamilyIndex(family).pQueuePriorities(stack.floats(1f));
      PointerBuffer ext = semaphores
          ? stack.pointers(stack.UTF8(KHRExternalMemoryFd.VK_KHR_EXTERNAL_MEMORY_FD_EXTENSION_NAME),
              stack.UTF8(KHRExternalSemaphoreFd.VK_KHR_EXTERNAL_SEMAPHORE_FD_EXTENSION_NAME))
          : stack.pointers(stack.UTF8(KHRExternalMemoryFd.VK_KHR_EXTERNAL_MEMORY_FD_EXTENSION_NAME));
      VkDeviceCreateInfo info = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(queue)
          .ppEnabledExtensionNames(ext);
      PointerBuffer pp = stack.mallocPointer(1);
      check("vkCreateDevice", vkCreateDevice(physical, info, null, pp));
      return new VkDevice(pp.get(0), physical, info, VK12.VK_API_VERSION_1_2);
    }
  }

  static int memoryType(VkPhysicalDevice d, int typeBits, int flags) {
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

}
