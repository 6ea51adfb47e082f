package io.jimagecuda.gl.internal;

import static org.lwjgl.system.JNI.invokePP;
import static org.lwjgl.system.JNI.invokePPI;

import org.jspecify.annotations.Nullable;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.SharedLibrary;

/**
 * The two C library functions that read and write the process environment. Java's
 * {@code System.getenv} is a snapshot taken at JVM start; native code such as the OpenGL driver reads
 * the real environment, which only these calls change.
 */
public final class Libc {
  private Libc() {
  }

  private static final class Functions {
    static final SharedLibrary LIBRARY = Library.loadNative(Libc.class, "io.jimagecuda.gl", "libc.so.6");
    static final long setenv = required("setenv");
    static final long getenv = required("getenv");

    private static long required(String name) {
      long a = LIBRARY.getFunctionAddress(name);
      if (a == 0) {
        throw new UnsatisfiedLinkError(LIBRARY.getPath() + " has no function " + name);
      }
      return a;
    }
  }

  /**
   * {@code int setenv(const char *name, const char *value, int overwrite)}.
   *
   * @return 0 on success, -1 on failure
   */
  public static int setenv(String name, String value, boolean overwrite) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      return invokePPI(MemoryUtil.memAddress(stack.ASCII(name)), MemoryUtil.memAddress(stack.ASCII(value)),
          overwrite ? 1 : 0, Functions.setenv);
    }
  }

  /** {@code char *getenv(const char *name)}: the variable's current value, or {@code null} if unset. */
  public static @Nullable String getenv(String name) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long p = invokePP(MemoryUtil.memAddress(stack.ASCII(name)), Functions.getenv);
      return p == 0 ? null : MemoryUtil.memUTF8(p);
    }
  }
}
