package io.jimagecuda.gl.internal;

import static org.lwjgl.system.JNI.invokePP;
import static org.lwjgl.system.JNI.invokePPI;
import static org.lwjgl.system.JNI.invokePPP;

import org.lwjgl.egl.EGL10;

/**
 * EGL extension functions, looked up with {@code eglGetProcAddress} here rather than through LWJGL's
 * {@code EGLCapabilities}, whose client-extension flags were all false on NVIDIA's driver although the
 * extensions were listed. Each method only invokes; a missing function is reported by {@link #require}.
 */
public final class EglExt {
  /** {@code EGL_PLATFORM_DEVICE_EXT}. */
  public static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;
  /** {@code EGL_PLATFORM_SURFACELESS_MESA}. */
  public static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
  /** {@code EGL_CUDA_DEVICE_NV} (EGL_NV_device_cuda). */
  public static final int EGL_CUDA_DEVICE_NV = 0x323A;
  /** {@code EGL_DRM_DEVICE_FILE_EXT} (EGL_EXT_device_drm). */
  public static final int EGL_DRM_DEVICE_FILE_EXT = 0x3233;

  private EglExt() {
  }

  /** The address of an EGL function, or 0. */
  public static long address(String name) {
    return EGL10.eglGetProcAddress(name);
  }

  /**
   * The address of an EGL extension function.
   *
   * @throws UnsupportedOperationException naming the function and its extension when it is missing
   */
  public static long require(String name, String extension) {
    long a = address(name);
    if (a == 0) {
      throw new UnsupportedOperationException("EGL has no " + name + " although " + extension
          + " is listed; update the graphics driver");
    }
    return a;
  }

  /** {@code EGLBoolean eglQueryDevicesEXT(EGLint max_devices, EGLDeviceEXT *devices, EGLint *num_devices)} */
  public static int neglQueryDevicesEXT(int maxDevices, long devices, long numDevices, long function) {
    return invokePPI(maxDevices, devices, numDevices, function);
  }

  /** {@code EGLDisplay eglGetPlatformDisplayEXT(EGLenum platform, void *native_display, const EGLint *attrib_list)} */
  public static long neglGetPlatformDisplayEXT(int platform, long nativeDisplay, long attribList, long function) {
    return invokePPP(platform, nativeDisplay, attribList, function);
  }

  /** {@code EGLBoolean eglQueryDeviceAttribEXT(EGLDeviceEXT device, EGLint attribute, EGLAttrib *value)} */
  public static int neglQueryDeviceAttribEXT(long device, int attribute, long value, long function) {
    return invokePPI(device, attribute, value, function);
  }

  /** {@code const char *eglQueryDeviceStringEXT(EGLDeviceEXT device, EGLint name)} */
  public static long neglQueryDeviceStringEXT(long device, int name, long function) {
    return invokePP(device, name, function);
  }
}
