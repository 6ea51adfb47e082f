package io.jimagecuda.gl.vulkan;

import io.jimagecuda.JImageCudaException;

/** A Vulkan call failed or Vulkan cannot be used here; the message names the call and the VkResult. */
public class VulkanException extends JImageCudaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the failed call, the Vulkan result and what to check
   */
  public VulkanException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message the failed call, the Vulkan result and what to check
   * @param cause the underlying failure
   */
  public VulkanException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The name of a {@code VkResult}, e.g. {@code VK_ERROR_OUT_OF_DEVICE_MEMORY}. */
  static String resultName(int result) {
    return switch (result) {
      case 1 -> "VK_NOT_READY";
      case 2 -> "VK_TIMEOUT";
      case -1 -> "VK_ERROR_OUT_OF_HOST_MEMORY";
      case -2 -> "VK_ERROR_OUT_OF_DEVICE_MEMORY";
      case -3 -> "VK_ERROR_INITIALIZATION_FAILED";
      case -4 -> "VK_ERROR_DEVICE_LOST";
      case -5 -> "VK_ERROR_MEMORY_MAP_FAILED";
      case -6 -> "VK_ERROR_LAYER_NOT_PRESENT";
      case -7 -> "VK_ERROR_EXTENSION_NOT_PRESENT";
      case -8 -> "VK_ERROR_FEATURE_NOT_PRESENT";
      case -9 -> "VK_ERROR_INCOMPATIBLE_DRIVER";
      case -10 -> "VK_ERROR_TOO_MANY_OBJECTS";
      case -11 -> "VK_ERROR_FORMAT_NOT_SUPPORTED";
      case -1000072003 -> "VK_ERROR_INVALID_EXTERNAL_HANDLE";
      default -> "VkResult " + result;
    };
  }
}
