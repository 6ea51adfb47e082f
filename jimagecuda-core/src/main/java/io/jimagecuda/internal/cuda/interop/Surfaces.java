package io.jimagecuda.internal.cuda.interop;

import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/** Surface objects ({@code CUsurfObject}) over CUDA arrays, for kernels that write with surface stores. */
public final class Surfaces {
  private static final int RESOURCE_DESC_SIZEOF = 144;
  private static final int CU_RESOURCE_TYPE_ARRAY = 0;

  private Surfaces() {
  }

  /** Creates a surface object over the {@code CUarray}; destroy it with {@link #destroy(long)}. */
  public static long create(long array) {
    try (MemoryStack stack = MemoryStack.stackPush()) {
      long res = stack.ncalloc(8, 1, RESOURCE_DESC_SIZEOF);
      MemoryUtil.memPutInt(res, CU_RESOURCE_TYPE_ARRAY);
      MemoryUtil.memPutAddress(res + 8, array);
      long p = stack.nmalloc(8, 8);
      CudaCall.check("cuSurfObjectCreate", CU.ncuSurfObjectCreate(p, res));
      return MemoryUtil.memGetLong(p);
    }
  }

  /** Destroys a surface object made by {@link #create(long)}. */
  public static void destroy(long surface) {
    CudaCall.check("cuSurfObjectDestroy", CU.ncuSurfObjectDestroy(surface));
  }
}
