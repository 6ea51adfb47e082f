package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.gl.internal.PresentFrames;
import io.jimagecuda.gl.internal.Textures;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.opengl.GL11;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * {@link PresentPath#CUDA_MAPPED_TEXTURE}: the texture itself is registered with CUDA once
 * ({@code cuGraphicsGLRegisterImage}, surface load/store, write-discard); each frame maps it, takes its
 * CUDA array and lets one kernel write the frame with surface stores, then unmaps. No pixel buffer and no
 * buffer → texture copy in OpenGL; still one map/unmap pair per frame.
 */
final class MappedTexturePresenter implements Presenter {
  private static final int RESOURCE_DESC_SIZEOF = 144;
  private static final int CU_RESOURCE_TYPE_ARRAY = 0;

  private final int width;
  private final int height;
  private final CudaBackend cuda;
  private final int texture;
  /** Native block: [0] the CUgraphicsResource, [8] the mapped CUarray. */
  private final long block;
  private long surfaceArray;
  private long surface;
  private boolean closed;

  MappedTexturePresenter(int width, int height) {
    this.width = width;
    this.height = height;
    this.cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    this.texture = Textures.rgba8(width, height);
    cuda.makeCurrent();
    block = MemoryUtil.nmemCalloc(1, 16);
    int r = CU.has(CU.Functions.cuGraphicsGLRegisterImage)
        ? CU.ncuGraphicsGLRegisterImage(block, texture, GL11.GL_TEXTURE_2D,
            CU.CU_GRAPHICS_REGISTER_FLAGS_SURFACE_LDST | CU.CU_GRAPHICS_REGISTER_FLAGS_WRITE_DISCARD)
        : 500; // CUDA_ERROR_NOT_FOUND: the driver library lacks OpenGL interop
    if (r != CU.CUDA_SUCCESS) {
      MemoryUtil.nmemFree(block);
      GL11.glDeleteTextures(texture);
      CudaCall.check("cuGraphicsGLRegisterImage(texture " + texture + ")", r, GlEnvironment.interopAdvice(r));
    }
  }

  @Override
  public PresentPath path() {
    return PresentPath.CUDA_MAPPED_TEXTURE;
  }

  @Override
  public String pathReason() {
    return "the texture is registered with CUDA and written with surface stores (map/unmap per frame)";
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void present(ImageU8 frame) {
    write(frame, "present_u8_to_surface");
  }

  @Override
  public void present(Image frame) {
    write(frame, "present_float_to_surface");
  }

  private void write(ImageBase frame, String kernel) {
    if (closed) {
      throw new IllegalStateException("Presenter.present: the presenter was closed");
    }
    PresentFrames.check("Presenter.present", frame, width, height, BackendKind.CUDA);
    cuda.makeCurrent();
    CudaCall.check("cuGraphicsMapResources(texture " + texture + ")",
        CU.ncuGraphicsMapResources(1, block, cuda.stream()),
        "the OpenGL context must be current on this thread");
    RuntimeException failure = null;
    try {
      CudaCall.check("cuGraphicsSubResourceGetMappedArray",
          CU.ncuGraphicsSubResourceGetMappedArray(block + 8, MemoryUtil.memGetAddress(block), 0, 0));
      cuda.kernel(kernel, width, height).ptr(surfaceFor(MemoryUtil.memGetAddress(block + 8)))
          .ptr(PresentFrames.ptr(frame)).i32(width).i32(height).i32(0).launch();
    } catch (RuntimeException e) {
      failure = e;
    }
    int r = CU.ncuGraphicsUnmapResources(1, block, cuda.stream());
    if (failure != null) {
      throw failure;
    }
    CudaCall.check("cuGraphicsUnmapResources(texture " + texture + ")", r);
  }

  /** The surface object of the mapped array, re-created only when the driver hands out another array. */
  private long surfaceFor(long array) {
    if (array != surfaceArray) {
      destroySurface();
      try (MemoryStack stack = MemoryStack.stackPush()) {
        long res = stack.ncalloc(8, 1, RESOURCE_DESC_SIZEOF);
        MemoryUtil.memPutInt(res, CU_RESOURCE_TYPE_ARRAY);
        MemoryUtil.memPutAddress(res + 8, array);
        long p = stack.nmalloc(8, 8);
        CudaCall.check("cuSurfObjectCreate", CU.ncuSurfObjectCreate(p, res));
        surface = MemoryUtil.memGetLong(p);
        surfaceArray = array;
      }
    }
    return surface;
  }

  private void destroySurface() {
    if (surface != 0) {
      CudaCall.check("cuSurfObjectDestroy", CU.ncuSurfObjectDestroy(surface));
      surface = 0;
      surfaceArray = 0;
    }
  }

  @Override
  public int texture() {
    return texture;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cuda.makeCurrent();
    try {
      cuda.synchronize();
      destroySurface();
      CudaCall.check("cuGraphicsUnregisterResource(texture " + texture + ")",
          CU.ncuGraphicsUnregisterResource(MemoryUtil.memGetAddress(block)));
    } finally {
      MemoryUtil.nmemFree(block);
      GL11.glDeleteTextures(texture);
    }
  }

  @Override
  public String toString() {
    return "Presenter(" + width + "x" + height + ", " + path() + (closed ? ", closed" : "") + ")";
  }
}
