package io.jimagecuda.gl;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.gl.internal.Textures;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import io.jimagecuda.internal.cuda.interop.Surfaces;
import org.lwjgl.opengl.GL11;
import org.lwjgl.system.MemoryUtil;

/**
 * {@link PresentPath#CUDA_MAPPED_TEXTURE}: the texture itself is registered with CUDA once
 * ({@code cuGraphicsGLRegisterImage}, surface load/store, write-discard); each frame maps it, takes its
 * CUDA array and lets one kernel write the frame with surface stores, then unmaps. No pixel buffer and no
 * buffer → texture copy in OpenGL; still one map/unmap pair per frame.
 */
final class MappedTexturePresenter extends AbstractPresenter {

  private final CudaBackend cuda;
  private final int texture;
  /** Native block: [0] the CUgraphicsResource, [8] the mapped CUarray. */
  private final long block;
  private long surfaceArray;
  private long surface;

  MappedTexturePresenter(int width, int height) {
    super(width, height, BackendKind.CUDA);
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
  void write(ImageBase frame) {
    String kernel = frame instanceof ImageU8 ? "present_u8_to_surface" : "present_float_to_surface";
    cuda.makeCurrent();
    CudaCall.check("cuGraphicsMapResources(texture " + texture + ")",
        CU.ncuGraphicsMapResources(1, block, cuda.stream()),
        "the OpenGL context must be current on this thread");
    RuntimeException failure = null;
    try {
      CudaCall.check("cuGraphicsSubResourceGetMappedArray",
          CU.ncuGraphicsSubResourceGetMappedArray(block + 8, MemoryUtil.memGetAddress(block), 0, 0));
      cuda.kernel(kernel, width, height).ptr(surfaceFor(MemoryUtil.memGetAddress(block + 8)))
          .ptr(ptr(frame)).i32(width).i32(height).i32(0).launch();
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
      surface = Surfaces.create(array);
      surfaceArray = array;
    }
    return surface;
  }

  private void destroySurface() {
    if (surface != 0) {
      Surfaces.destroy(surface);
      surface = 0;
      surfaceArray = 0;
    }
  }

  @Override
  public int texture() {
    return texture;
  }

  @Override
  void release() {
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
}
