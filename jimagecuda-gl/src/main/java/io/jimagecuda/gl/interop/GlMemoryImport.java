package io.jimagecuda.gl.interop;

import io.jimagecuda.gl.GlException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import io.jimagecuda.gl.internal.GlCheck;
import org.lwjgl.opengl.EXTMemoryObject;
import org.lwjgl.opengl.EXTMemoryObjectFD;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL45;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.MemoryStack;

/**
 * Memory from another API imported into OpenGL through {@code GL_EXT_memory_object_fd}: as a texture
 * (Vulkan-owned RGBA8 image, the zero-copy path) or as a buffer (CUDA-allocated exportable memory).
 * OpenGL takes ownership of the fd. {@link #close()} deletes the GL object and the memory object; the
 * exporter may free its memory afterwards. Use on the thread where the context is current.
 */
public final class GlMemoryImport implements AutoCloseable {
  private final int memoryObject;
  private final int name;
  private final boolean texture;
  private boolean closed;

  private GlMemoryImport(int memoryObject, int name, boolean texture) {
    this.memoryObject = memoryObject;
    this.name = name;
    this.texture = texture;
  }

  /** {@return whether the current context offers {@code GL_EXT_memory_object_fd} and direct state access} */
  public static boolean supported() {
    GLCapabilities caps = GL.getCapabilities();
    return caps.GL_EXT_memory_object && caps.GL_EXT_memory_object_fd && caps.glCreateTextures != 0;
  }

  /**
   * Throws unless the current context runs on the GPU with that UUID (the CUDA device's): memory can only
   * be imported by the GPU that owns it.
   *
   * @param deviceUuid the 16-byte UUID of the GPU that owns the memory
   * @throws GlException if the extension is missing or the context runs on another GPU
   */
  public static void requireSameGpu(byte[] deviceUuid) {
    requireSupport();
    try (MemoryStack stack = MemoryStack.stackPush()) {
      IntBuffer count = stack.mallocInt(1);
      GL11.glGetIntegerv(EXTMemoryObject.GL_NUM_DEVICE_UUIDS_EXT, count);
      ByteBuffer uuid = stack.malloc(EXTMemoryObject.GL_UUID_SIZE_EXT);
      for (int i = 0; i < count.get(0); i++) {
        EXTMemoryObject.glGetUnsignedBytei_vEXT(EXTMemoryObject.GL_DEVICE_UUID_EXT, i, uuid);
        byte[] id = new byte[EXTMemoryObject.GL_UUID_SIZE_EXT];
        uuid.get(0, id);
        if (Arrays.equals(id, deviceUuid)) {
          return;
        }
      }
      GlCheck.check("glGetUnsignedBytei_vEXT(GL_DEVICE_UUID_EXT)");
    }
    throw new GlException("GL_DEVICE_UUID_EXT mismatch", "The OpenGL context runs on another GPU ("
        + GL11.glGetString(GL11.GL_RENDERER) + ") than CUDA: memory cannot be shared; use the CPU present path");
  }

  /**
   * Imports {@code size} bytes of a dedicated allocation as a one-level {@code GL_RGBA8}
   * {@code width × height} texture.
   *
   * @param fd an opaque POSIX file descriptor of the memory; OpenGL takes ownership of it
   * @param size the allocation's size in bytes
   * @param width the texture's width in pixels
   * @param height the texture's height in pixels
   * @return the texture, which the caller closes
   * @throws GlException naming the GL error when the import fails
   */
  public static GlMemoryImport texture(int fd, long size, int width, int height) {
    requireSupport();
    GlCheck.clear();
    int mem = EXTMemoryObject.glCreateMemoryObjectsEXT();
    EXTMemoryObject.glMemoryObjectParameteriEXT(mem, EXTMemoryObject.GL_DEDICATED_MEMORY_OBJECT_EXT, GL11.GL_TRUE);
    EXTMemoryObjectFD.glImportMemoryFdEXT(mem, size, EXTMemoryObjectFD.GL_HANDLE_TYPE_OPAQUE_FD_EXT, fd);
    int tex = GL45.glCreateTextures(GL11.GL_TEXTURE_2D);
    EXTMemoryObject.glTextureStorageMem2DEXT(tex, 1, GL11.GL_RGBA8, width, height, mem, 0L);
    GL45.glTextureParameteri(tex, GL11.GL_TEXTURE_MIN_FILTER, GL11.GL_LINEAR);
    GL45.glTextureParameteri(tex, GL11.GL_TEXTURE_MAG_FILTER, GL11.GL_LINEAR);
    try {
      GlCheck.check("import of external memory as a texture (glImportMemoryFdEXT, glTextureStorageMem2DEXT)",
          "the memory must be a dedicated RGBA8 image of the GPU that runs this OpenGL context");
    } catch (GlException e) {
      GL11.glDeleteTextures(tex);
      EXTMemoryObject.glDeleteMemoryObjectsEXT(mem);
      throw e;
    }
    return new GlMemoryImport(mem, tex, true);
  }

  /**
   * Imports {@code size} bytes as an immutable buffer of that size.
   *
   * @param fd an opaque POSIX file descriptor of the memory; OpenGL takes ownership of it
   * @param size the allocation's size in bytes
   * @return the buffer, which the caller closes
   * @throws GlException naming the GL error when the import fails
   */
  public static GlMemoryImport buffer(int fd, long size) {
    requireSupport();
    GlCheck.clear();
    int mem = EXTMemoryObject.glCreateMemoryObjectsEXT();
    EXTMemoryObjectFD.glImportMemoryFdEXT(mem, size, EXTMemoryObjectFD.GL_HANDLE_TYPE_OPAQUE_FD_EXT, fd);
    int buf = GL45.glCreateBuffers();
    EXTMemoryObject.glNamedBufferStorageMemEXT(buf, size, mem, 0L);
    try {
      GlCheck.check("import of external memory as a buffer (glImportMemoryFdEXT, glNamedBufferStorageMemEXT)",
          "the memory must be exportable memory of the GPU that runs this OpenGL context");
    } catch (GlException e) {
      GL45.glDeleteBuffers(buf);
      EXTMemoryObject.glDeleteMemoryObjectsEXT(mem);
      throw e;
    }
    return new GlMemoryImport(mem, buf, false);
  }

  private static void requireSupport() {
    if (!supported()) {
      throw new GlException("GL_EXT_memory_object_fd missing", "This OpenGL context lacks GL_EXT_memory_object_fd or OpenGL 4.5 direct state "
          + "access (" + GL11.glGetString(GL11.GL_RENDERER) + "): use the mapped-buffer or CPU present path");
    }
  }

  /** {@return the GL texture or buffer name} */
  public int name() {
    if (closed) {
      throw new IllegalStateException("GlMemoryImport has been closed");
    }
    return name;
  }

  /** Deletes the texture or buffer and the memory object; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (texture) {
      GL11.glDeleteTextures(name);
    } else {
      GL45.glDeleteBuffers(name);
    }
    EXTMemoryObject.glDeleteMemoryObjectsEXT(memoryObject);
  }
}
