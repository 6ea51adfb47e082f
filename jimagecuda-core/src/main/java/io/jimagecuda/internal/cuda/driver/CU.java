package io.jimagecuda.internal.cuda.driver;

import static org.lwjgl.system.JNI.invokeI;
import static org.lwjgl.system.JNI.invokePI;
import static org.lwjgl.system.JNI.invokePPI;
import static org.lwjgl.system.JNI.invokePPPI;
import static org.lwjgl.system.JNI.invokePPPPI;
import static org.lwjgl.system.JNI.invokePPPPPI;

import io.jimagecuda.Config;
import io.jimagecuda.internal.NativeLibraries;
import org.lwjgl.system.APIUtil;
import org.lwjgl.system.Library;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.Platform;
import org.lwjgl.system.SharedLibrary;
import org.lwjgl.system.linux.DynamicLinkLoader;
import org.lwjgl.system.linux.LinuxLibrary;

/**
 * The CUDA driver API ({@code libcuda.so.1}), bound on LWJGL core's generic native invokers. This
 * package is the only place that calls native CUDA code.
 *
 * <p>Shaped like LWJGL's bindings: {@link Functions} resolves every address once (versioned names such
 * as {@code _v2} are chosen there and nowhere else; optional entry points may be 0); each
 * {@code n}-method does nothing but invoke and returns the raw {@code CUresult}, to be passed to
 * {@link CudaCall#check}. Javadoc is the C prototype. Pointers, {@code size_t}, {@code CUdeviceptr} and
 * handles are {@code long}; {@code CUdevice}, enums and flags are {@code int}.
 */
public final class CU {
  private CU() {
    throw new UnsupportedOperationException();
  }

  // ---- constants (cuda.h) ----
  public static final int CUDA_SUCCESS = 0;
  public static final int CUDA_ERROR_NOT_READY = 600;
  public static final int CU_STREAM_NON_BLOCKING = 0x1;
  public static final int CU_EVENT_DEFAULT = 0x0;
  public static final int CU_EVENT_DISABLE_TIMING = 0x2;
  public static final int CU_MEMHOSTALLOC_PORTABLE = 0x1;
  public static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
  public static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
  public static final int CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;
  public static final int CU_DEVICE_ATTRIBUTE_MEMORY_POOLS_SUPPORTED = 115;
  public static final int CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH = 37;
  public static final int CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE = 36;
  public static final int CU_MEMPOOL_ATTR_RELEASE_THRESHOLD = 4;
  public static final int CU_GRAPHICS_REGISTER_FLAGS_NONE = 0x0;
  public static final int CU_GRAPHICS_REGISTER_FLAGS_WRITE_DISCARD = 0x2;
  public static final int CU_GRAPHICS_REGISTER_FLAGS_SURFACE_LDST = 0x4;
  public static final int CU_GL_DEVICE_LIST_ALL = 1;
  /** {@code sizeof(CUlaunchConfig)}: gridDim xyz, blockDim xyz, sharedMemBytes, hStream@32, attrs@40, numAttrs@48. */
  public static final int CUlaunchConfig_SIZEOF = 56;

  /** Function addresses, resolved once when the class initialises. */
  public static final class Functions {
    private Functions() {
    }

    /** The loaded driver library. */
    public static final SharedLibrary LIBRARY = load();

    public static final long
        cuGetErrorName = required("cuGetErrorName"),
        cuGetErrorString = required("cuGetErrorString"),
        cuInit = required("cuInit"),
        cuDriverGetVersion = required("cuDriverGetVersion"),
        cuDeviceGetCount = required("cuDeviceGetCount"),
        cuDeviceGet = required("cuDeviceGet"),
        cuDeviceGetName = required("cuDeviceGetName"),
        cuDeviceGetAttribute = required("cuDeviceGetAttribute"),
        cuDeviceTotalMem = required("cuDeviceTotalMem_v2"),
        cuDeviceGetUuid = optional("cuDeviceGetUuid_v2", "cuDeviceGetUuid"),
        cuDevicePrimaryCtxRetain = required("cuDevicePrimaryCtxRetain"),
        cuDevicePrimaryCtxRelease = required("cuDevicePrimaryCtxRelease_v2"),
        cuDevicePrimaryCtxReset = optional("cuDevicePrimaryCtxReset_v2", "cuDevicePrimaryCtxReset"),
        cuCtxSetCurrent = required("cuCtxSetCurrent"),
        cuCtxGetCurrent = required("cuCtxGetCurrent"),
        cuCtxSynchronize = required("cuCtxSynchronize"),
        cuMemGetInfo = required("cuMemGetInfo_v2"),
        cuModuleLoadData = required("cuModuleLoadData"),
        cuModuleGetFunction = required("cuModuleGetFunction"),
        cuModuleUnload = required("cuModuleUnload"),
        cuLaunchKernelEx = required("cuLaunchKernelEx"),
        cuStreamCreate = required("cuStreamCreate"),
        cuStreamSynchronize = required("cuStreamSynchronize"),
        cuStreamDestroy = required("cuStreamDestroy_v2"),
        cuStreamWaitEvent = required("cuStreamWaitEvent"),
        cuEventCreate = required("cuEventCreate"),
        cuEventRecord = required("cuEventRecord"),
        cuEventSynchronize = required("cuEventSynchronize"),
        cuEventQuery = required("cuEventQuery"),
        cuEventElapsedTime = optional("cuEventElapsedTime_v2", "cuEventElapsedTime"),
        cuEventDestroy = required("cuEventDestroy_v2"),
        cuMemAlloc = required("cuMemAlloc_v2"),
        cuMemFree = required("cuMemFree_v2"),
        cuMemAllocAsync = optional("cuMemAllocAsync"),
        cuMemFreeAsync = optional("cuMemFreeAsync"),
        cuDeviceGetDefaultMemPool = optional("cuDeviceGetDefaultMemPool"),
        cuMemPoolSetAttribute = optional("cuMemPoolSetAttribute"),
        cuMemPoolTrimTo = optional("cuMemPoolTrimTo"),
        cuMemHostAlloc = required("cuMemHostAlloc"),
        cuMemFreeHost = required("cuMemFreeHost"),
        cuMemcpyHtoDAsync = required("cuMemcpyHtoDAsync_v2"),
        cuMemcpyDtoHAsync = required("cuMemcpyDtoHAsync_v2"),
        cuMemcpyDtoDAsync = required("cuMemcpyDtoDAsync_v2"),
        cuMemsetD32Async = required("cuMemsetD32Async"),
        cuMemsetD8Async = required("cuMemsetD8Async"),
        // graphics interop
        cuGraphicsGLRegisterBuffer = optional("cuGraphicsGLRegisterBuffer"),
        cuGraphicsGLRegisterImage = optional("cuGraphicsGLRegisterImage"),
        cuGLGetDevices = optional("cuGLGetDevices_v2", "cuGLGetDevices"),
        cuGraphicsUnregisterResource = optional("cuGraphicsUnregisterResource"),
        cuGraphicsMapResources = optional("cuGraphicsMapResources"),
        cuGraphicsUnmapResources = optional("cuGraphicsUnmapResources"),
        cuGraphicsResourceGetMappedPointer = optional("cuGraphicsResourceGetMappedPointer_v2"),
        cuGraphicsSubResourceGetMappedArray = optional("cuGraphicsSubResourceGetMappedArray"),
        // external memory and semaphores
        cuImportExternalMemory = optional("cuImportExternalMemory"),
        cuExternalMemoryGetMappedBuffer = optional("cuExternalMemoryGetMappedBuffer"),
        cuExternalMemoryGetMappedMipmappedArray = optional("cuExternalMemoryGetMappedMipmappedArray"),
        cuDestroyExternalMemory = optional("cuDestroyExternalMemory"),
        cuImportExternalSemaphore = optional("cuImportExternalSemaphore"),
        cuSignalExternalSemaphoresAsync = optional("cuSignalExternalSemaphoresAsync"),
        cuWaitExternalSemaphoresAsync = optional("cuWaitExternalSemaphoresAsync"),
        cuDestroyExternalSemaphore = optional("cuDestroyExternalSemaphore"),
        cuMipmappedArrayGetLevel = optional("cuMipmappedArrayGetLevel"),
        cuMipmappedArrayDestroy = optional("cuMipmappedArrayDestroy"),
        cuSurfObjectCreate = optional("cuSurfObjectCreate"),
        cuSurfObjectDestroy = optional("cuSurfObjectDestroy"),
        // virtual memory management (exportable allocations)
        cuMemCreate = optional("cuMemCreate"),
        cuMemRelease = optional("cuMemRelease"),
        cuMemAddressReserve = optional("cuMemAddressReserve"),
        cuMemAddressFree = optional("cuMemAddressFree"),
        cuMemMap = optional("cuMemMap"),
        cuMemUnmap = optional("cuMemUnmap"),
        cuMemSetAccess = optional("cuMemSetAccess"),
        cuMemGetAllocationGranularity = optional("cuMemGetAllocationGranularity"),
        cuMemExportToShareableHandle = optional("cuMemExportToShareableHandle");

    /**
     * Opens the driver library: on Linux with {@code dlopen} itself (the system's search, or an absolute
     * path), whose error names exactly what is missing; elsewhere with LWJGL's loader. LWJGL's loader would
     * also print a generic "Failed to load a library" help text on stderr on every machine without the
     * driver, where the CPU backend is the expected outcome and the reason is reported anyway.
     */
    private static SharedLibrary load() {
      NativeLibraries.prepare(); // before LWJGL loads its own library: see there
      String name = Config.cudaLibrary();
      Config.log("loading the CUDA driver library " + name);
      if (Platform.get() != Platform.LINUX) {
        return Library.loadNative(CU.class, "io.jimagecuda", name);
      }
      // Clears a stale error and links the JNI method now: linking it after a failed dlopen (by dlsym)
      // would reset the error before it is read.
      DynamicLinkLoader.dlerror();
      long handle = DynamicLinkLoader.dlopen(name, DynamicLinkLoader.RTLD_LAZY | DynamicLinkLoader.RTLD_LOCAL);
      if (handle == MemoryUtil.NULL) {
        throw new UnsatisfiedLinkError("dlopen(" + name + ") failed: " + DynamicLinkLoader.dlerror());
      }
      return new LinuxLibrary(name, handle);
    }

    private static long required(String name) {
      long a = LIBRARY.getFunctionAddress(name);
      if (a == 0) {
        throw new UnsatisfiedLinkError("The CUDA driver (" + LIBRARY.getPath() + ") has no function " + name
            + ": update the NVIDIA driver (CUDA 12 or newer is needed)");
      }
      return a;
    }

    private static long optional(String... names) {
      for (String n : names) {
        long a = APIUtil.apiGetFunctionAddressOptional(LIBRARY, n);
        if (a != 0) {
          return a;
        }
      }
      return 0L;
    }
  }

  /** Whether an optional entry point exists in this driver. */
  public static boolean has(long function) {
    return function != 0L;
  }

  // ---- errors ----

  /** {@code CUresult cuGetErrorName(CUresult error, const char **pStr)} */
  public static int ncuGetErrorName(int error, long pStr) {
    return invokePI(error, pStr, Functions.cuGetErrorName);
  }

  /** {@code CUresult cuGetErrorString(CUresult error, const char **pStr)} */
  public static int ncuGetErrorString(int error, long pStr) {
    return invokePI(error, pStr, Functions.cuGetErrorString);
  }

  // ---- init, devices, contexts ----

  /** {@code CUresult cuInit(unsigned int Flags)} */
  public static int ncuInit(int flags) {
    return invokeI(flags, Functions.cuInit);
  }

  /** {@code CUresult cuDriverGetVersion(int *driverVersion)} */
  public static int ncuDriverGetVersion(long driverVersion) {
    return invokePI(driverVersion, Functions.cuDriverGetVersion);
  }

  /** {@code CUresult cuDeviceGetCount(int *count)} */
  public static int ncuDeviceGetCount(long count) {
    return invokePI(count, Functions.cuDeviceGetCount);
  }

  /** {@code CUresult cuDeviceGet(CUdevice *device, int ordinal)} */
  public static int ncuDeviceGet(long device, int ordinal) {
    return invokePI(device, ordinal, Functions.cuDeviceGet);
  }

  /** {@code CUresult cuDeviceGetName(char *name, int len, CUdevice dev)} */
  public static int ncuDeviceGetName(long name, int len, int dev) {
    return invokePI(name, len, dev, Functions.cuDeviceGetName);
  }

  /** {@code CUresult cuDeviceGetAttribute(int *pi, CUdevice_attribute attrib, CUdevice dev)} */
  public static int ncuDeviceGetAttribute(long pi, int attrib, int dev) {
    return invokePI(pi, attrib, dev, Functions.cuDeviceGetAttribute);
  }

  /** {@code CUresult cuDeviceTotalMem(size_t *bytes, CUdevice dev)} */
  public static int ncuDeviceTotalMem(long bytes, int dev) {
    return invokePI(bytes, dev, Functions.cuDeviceTotalMem);
  }

  /** {@code CUresult cuDeviceGetUuid_v2(CUuuid *uuid, CUdevice dev)} */
  public static int ncuDeviceGetUuid(long uuid, int dev) {
    return invokePI(uuid, dev, Functions.cuDeviceGetUuid);
  }

  /** {@code CUresult cuDevicePrimaryCtxRetain(CUcontext *pctx, CUdevice dev)} */
  public static int ncuDevicePrimaryCtxRetain(long pctx, int dev) {
    return invokePI(pctx, dev, Functions.cuDevicePrimaryCtxRetain);
  }

  /** {@code CUresult cuDevicePrimaryCtxRelease(CUdevice dev)} */
  public static int ncuDevicePrimaryCtxRelease(int dev) {
    return invokeI(dev, Functions.cuDevicePrimaryCtxRelease);
  }

  /** {@code CUresult cuDevicePrimaryCtxReset(CUdevice dev)}: destroys the primary context's allocations and state. */
  public static int ncuDevicePrimaryCtxReset(int dev) {
    return invokeI(dev, Functions.cuDevicePrimaryCtxReset);
  }

  /** {@code CUresult cuCtxSetCurrent(CUcontext ctx)} */
  public static int ncuCtxSetCurrent(long ctx) {
    return invokePI(ctx, Functions.cuCtxSetCurrent);
  }

  /** {@code CUresult cuCtxGetCurrent(CUcontext *pctx)} */
  public static int ncuCtxGetCurrent(long pctx) {
    return invokePI(pctx, Functions.cuCtxGetCurrent);
  }

  /** {@code CUresult cuCtxSynchronize(void)} */
  public static int ncuCtxSynchronize() {
    return invokeI(Functions.cuCtxSynchronize);
  }

  /** {@code CUresult cuMemGetInfo(size_t *free, size_t *total)} */
  public static int ncuMemGetInfo(long free, long total) {
    return invokePPI(free, total, Functions.cuMemGetInfo);
  }

  // ---- modules and launch ----

  /** {@code CUresult cuModuleLoadData(CUmodule *module, const void *image)} */
  public static int ncuModuleLoadData(long module, long image) {
    return invokePPI(module, image, Functions.cuModuleLoadData);
  }

  /** {@code CUresult cuModuleGetFunction(CUfunction *hfunc, CUmodule hmod, const char *name)} */
  public static int ncuModuleGetFunction(long hfunc, long hmod, long name) {
    return invokePPPI(hfunc, hmod, name, Functions.cuModuleGetFunction);
  }

  /** {@code CUresult cuModuleUnload(CUmodule hmod)} */
  public static int ncuModuleUnload(long hmod) {
    return invokePI(hmod, Functions.cuModuleUnload);
  }

  /** {@code CUresult cuLaunchKernelEx(const CUlaunchConfig *config, CUfunction f, void **kernelParams, void **extra)} */
  public static int ncuLaunchKernelEx(long config, long f, long kernelParams, long extra) {
    return invokePPPPI(config, f, kernelParams, extra, Functions.cuLaunchKernelEx);
  }

  /** Writes a {@code CUlaunchConfig} without attributes at {@code address}. */
  public static void launchConfig(long address, int gx, int gy, int gz, int bx, int by, int bz, int sharedMem,
      long stream) {
    MemoryUtil.memPutInt(address, gx);
    MemoryUtil.memPutInt(address + 4, gy);
    MemoryUtil.memPutInt(address + 8, gz);
    MemoryUtil.memPutInt(address + 12, bx);
    MemoryUtil.memPutInt(address + 16, by);
    MemoryUtil.memPutInt(address + 20, bz);
    MemoryUtil.memPutInt(address + 24, sharedMem);
    MemoryUtil.memPutAddress(address + 32, stream);
    MemoryUtil.memPutAddress(address + 40, 0L);
    MemoryUtil.memPutInt(address + 48, 0);
  }

  // ---- streams and events ----

  /** {@code CUresult cuStreamCreate(CUstream *phStream, unsigned int Flags)} */
  public static int ncuStreamCreate(long phStream, int flags) {
    return invokePI(phStream, flags, Functions.cuStreamCreate);
  }

  /** {@code CUresult cuStreamSynchronize(CUstream hStream)} */
  public static int ncuStreamSynchronize(long hStream) {
    return invokePI(hStream, Functions.cuStreamSynchronize);
  }

  /** {@code CUresult cuStreamDestroy(CUstream hStream)} */
  public static int ncuStreamDestroy(long hStream) {
    return invokePI(hStream, Functions.cuStreamDestroy);
  }

  /** {@code CUresult cuStreamWaitEvent(CUstream hStream, CUevent hEvent, unsigned int Flags)} */
  public static int ncuStreamWaitEvent(long hStream, long hEvent, int flags) {
    return invokePPI(hStream, hEvent, flags, Functions.cuStreamWaitEvent);
  }

  /** {@code CUresult cuEventCreate(CUevent *phEvent, unsigned int Flags)} */
  public static int ncuEventCreate(long phEvent, int flags) {
    return invokePI(phEvent, flags, Functions.cuEventCreate);
  }

  /** {@code CUresult cuEventRecord(CUevent hEvent, CUstream hStream)} */
  public static int ncuEventRecord(long hEvent, long hStream) {
    return invokePPI(hEvent, hStream, Functions.cuEventRecord);
  }

  /** {@code CUresult cuEventSynchronize(CUevent hEvent)} */
  public static int ncuEventSynchronize(long hEvent) {
    return invokePI(hEvent, Functions.cuEventSynchronize);
  }

  /** {@code CUresult cuEventQuery(CUevent hEvent)} */
  public static int ncuEventQuery(long hEvent) {
    return invokePI(hEvent, Functions.cuEventQuery);
  }

  /** {@code CUresult cuEventElapsedTime(float *pMilliseconds, CUevent hStart, CUevent hEnd)} */
  public static int ncuEventElapsedTime(long pMilliseconds, long hStart, long hEnd) {
    return invokePPPI(pMilliseconds, hStart, hEnd, Functions.cuEventElapsedTime);
  }

  /** {@code CUresult cuEventDestroy(CUevent hEvent)} */
  public static int ncuEventDestroy(long hEvent) {
    return invokePI(hEvent, Functions.cuEventDestroy);
  }

  // ---- memory ----

  /** {@code CUresult cuMemAlloc(CUdeviceptr *dptr, size_t bytesize)} */
  public static int ncuMemAlloc(long dptr, long bytesize) {
    return invokePPI(dptr, bytesize, Functions.cuMemAlloc);
  }

  /** {@code CUresult cuMemFree(CUdeviceptr dptr)} */
  public static int ncuMemFree(long dptr) {
    return invokePI(dptr, Functions.cuMemFree);
  }

  /** {@code CUresult cuMemAllocAsync(CUdeviceptr *dptr, size_t bytesize, CUstream hStream)} */
  public static int ncuMemAllocAsync(long dptr, long bytesize, long hStream) {
    return invokePPPI(dptr, bytesize, hStream, Functions.cuMemAllocAsync);
  }

  /** {@code CUresult cuMemFreeAsync(CUdeviceptr dptr, CUstream hStream)} */
  public static int ncuMemFreeAsync(long dptr, long hStream) {
    return invokePPI(dptr, hStream, Functions.cuMemFreeAsync);
  }

  /** {@code CUresult cuDeviceGetDefaultMemPool(CUmemoryPool *pool_out, CUdevice dev)} */
  public static int ncuDeviceGetDefaultMemPool(long poolOut, int dev) {
    return invokePI(poolOut, dev, Functions.cuDeviceGetDefaultMemPool);
  }

  /** {@code CUresult cuMemPoolSetAttribute(CUmemoryPool pool, CUmemPool_attribute attr, void *value)} */
  public static int ncuMemPoolSetAttribute(long pool, int attr, long value) {
    return invokePPI(pool, attr, value, Functions.cuMemPoolSetAttribute);
  }

  /** {@code CUresult cuMemPoolTrimTo(CUmemoryPool pool, size_t minBytesToKeep)} */
  public static int ncuMemPoolTrimTo(long pool, long minBytesToKeep) {
    return invokePPI(pool, minBytesToKeep, Functions.cuMemPoolTrimTo);
  }

  /** {@code CUresult cuMemHostAlloc(void **pp, size_t bytesize, unsigned int Flags)} */
  public static int ncuMemHostAlloc(long pp, long bytesize, int flags) {
    return invokePPI(pp, bytesize, flags, Functions.cuMemHostAlloc);
  }

  /** {@code CUresult cuMemFreeHost(void *p)} */
  public static int ncuMemFreeHost(long p) {
    return invokePI(p, Functions.cuMemFreeHost);
  }

  /** {@code CUresult cuMemcpyHtoDAsync(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount, CUstream hStream)} */
  public static int ncuMemcpyHtoDAsync(long dstDevice, long srcHost, long byteCount, long hStream) {
    return invokePPPPI(dstDevice, srcHost, byteCount, hStream, Functions.cuMemcpyHtoDAsync);
  }

  /** {@code CUresult cuMemcpyDtoHAsync(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount, CUstream hStream)} */
  public static int ncuMemcpyDtoHAsync(long dstHost, long srcDevice, long byteCount, long hStream) {
    return invokePPPPI(dstHost, srcDevice, byteCount, hStream, Functions.cuMemcpyDtoHAsync);
  }

  /** {@code CUresult cuMemcpyDtoDAsync(CUdeviceptr dstDevice, CUdeviceptr srcDevice, size_t ByteCount, CUstream hStream)} */
  public static int ncuMemcpyDtoDAsync(long dstDevice, long srcDevice, long byteCount, long hStream) {
    return invokePPPPI(dstDevice, srcDevice, byteCount, hStream, Functions.cuMemcpyDtoDAsync);
  }

  /** {@code CUresult cuMemsetD8Async(CUdeviceptr dstDevice, unsigned char uc, size_t N, CUstream hStream)} */
  public static int ncuMemsetD8Async(long dstDevice, int uc, long n, long hStream) {
    return invokePPPI(dstDevice, uc, n, hStream, Functions.cuMemsetD8Async);
  }

  // ---- OpenGL interop ----

  /** {@code CUresult cuGraphicsGLRegisterBuffer(CUgraphicsResource *pCudaResource, GLuint buffer, unsigned int Flags)} */
  public static int ncuGraphicsGLRegisterBuffer(long pCudaResource, int buffer, int flags) {
    return invokePI(pCudaResource, buffer, flags, Functions.cuGraphicsGLRegisterBuffer);
  }

  /** {@code CUresult cuGraphicsGLRegisterImage(CUgraphicsResource *pCudaResource, GLuint image, GLenum target, unsigned int Flags)} */
  public static int ncuGraphicsGLRegisterImage(long pCudaResource, int image, int target, int flags) {
    return invokePI(pCudaResource, image, target, flags, Functions.cuGraphicsGLRegisterImage);
  }

  /** {@code CUresult cuGLGetDevices(unsigned int *pCudaDeviceCount, CUdevice *pCudaDevices, unsigned int cudaDeviceCount, CUGLDeviceList deviceList)} */
  public static int ncuGLGetDevices(long pCount, long pDevices, int cudaDeviceCount, int deviceList) {
    return invokePPI(pCount, pDevices, cudaDeviceCount, deviceList, Functions.cuGLGetDevices);
  }

  /** {@code CUresult cuGraphicsUnregisterResource(CUgraphicsResource resource)} */
  public static int ncuGraphicsUnregisterResource(long resource) {
    return invokePI(resource, Functions.cuGraphicsUnregisterResource);
  }

  /** {@code CUresult cuGraphicsMapResources(unsigned int count, CUgraphicsResource *resources, CUstream hStream)} */
  public static int ncuGraphicsMapResources(int count, long resources, long hStream) {
    return invokePPI(count, resources, hStream, Functions.cuGraphicsMapResources);
  }

  /** {@code CUresult cuGraphicsUnmapResources(unsigned int count, CUgraphicsResource *resources, CUstream hStream)} */
  public static int ncuGraphicsUnmapResources(int count, long resources, long hStream) {
    return invokePPI(count, resources, hStream, Functions.cuGraphicsUnmapResources);
  }

  /** {@code CUresult cuGraphicsResourceGetMappedPointer(CUdeviceptr *pDevPtr, size_t *pSize, CUgraphicsResource resource)} */
  public static int ncuGraphicsResourceGetMappedPointer(long pDevPtr, long pSize, long resource) {
    return invokePPPI(pDevPtr, pSize, resource, Functions.cuGraphicsResourceGetMappedPointer);
  }

  /** {@code CUresult cuGraphicsSubResourceGetMappedArray(CUarray *pArray, CUgraphicsResource resource, unsigned int arrayIndex, unsigned int mipLevel)} */
  public static int ncuGraphicsSubResourceGetMappedArray(long pArray, long resource, int arrayIndex, int mipLevel) {
    return invokePPI(pArray, resource, arrayIndex, mipLevel, Functions.cuGraphicsSubResourceGetMappedArray);
  }

  // ---- external memory, semaphores, arrays, surfaces ----

  /** {@code CUresult cuImportExternalMemory(CUexternalMemory *extMem_out, const CUDA_EXTERNAL_MEMORY_HANDLE_DESC *memHandleDesc)} */
  public static int ncuImportExternalMemory(long extMemOut, long desc) {
    return invokePPI(extMemOut, desc, Functions.cuImportExternalMemory);
  }

  /** {@code CUresult cuExternalMemoryGetMappedBuffer(CUdeviceptr *devPtr, CUexternalMemory extMem, const CUDA_EXTERNAL_MEMORY_BUFFER_DESC *bufferDesc)} */
  public static int ncuExternalMemoryGetMappedBuffer(long devPtr, long extMem, long desc) {
    return invokePPPI(devPtr, extMem, desc, Functions.cuExternalMemoryGetMappedBuffer);
  }

  /** {@code CUresult cuExternalMemoryGetMappedMipmappedArray(CUmipmappedArray *mipmap, CUexternalMemory extMem, const CUDA_EXTERNAL_MEMORY_MIPMAPPED_ARRAY_DESC *mipmapDesc)} */
  public static int ncuExternalMemoryGetMappedMipmappedArray(long mipmap, long extMem, long desc) {
    return invokePPPI(mipmap, extMem, desc, Functions.cuExternalMemoryGetMappedMipmappedArray);
  }

  /** {@code CUresult cuDestroyExternalMemory(CUexternalMemory extMem)} */
  public static int ncuDestroyExternalMemory(long extMem) {
    return invokePI(extMem, Functions.cuDestroyExternalMemory);
  }

  /** {@code CUresult cuImportExternalSemaphore(CUexternalSemaphore *extSem_out, const CUDA_EXTERNAL_SEMAPHORE_HANDLE_DESC *semHandleDesc)} */
  public static int ncuImportExternalSemaphore(long extSemOut, long desc) {
    return invokePPI(extSemOut, desc, Functions.cuImportExternalSemaphore);
  }

  /** {@code CUresult cuSignalExternalSemaphoresAsync(const CUexternalSemaphore *extSemArray, const CUDA_EXTERNAL_SEMAPHORE_SIGNAL_PARAMS *paramsArray, unsigned int numExtSems, CUstream stream)} */
  public static int ncuSignalExternalSemaphoresAsync(long sems, long params, int num, long stream) {
    return invokePPPI(sems, params, num, stream, Functions.cuSignalExternalSemaphoresAsync);
  }

  /** {@code CUresult cuWaitExternalSemaphoresAsync(const CUexternalSemaphore *extSemArray, const CUDA_EXTERNAL_SEMAPHORE_WAIT_PARAMS *paramsArray, unsigned int numExtSems, CUstream stream)} */
  public static int ncuWaitExternalSemaphoresAsync(long sems, long params, int num, long stream) {
    return invokePPPI(sems, params, num, stream, Functions.cuWaitExternalSemaphoresAsync);
  }

  /** {@code CUresult cuDestroyExternalSemaphore(CUexternalSemaphore extSem)} */
  public static int ncuDestroyExternalSemaphore(long extSem) {
    return invokePI(extSem, Functions.cuDestroyExternalSemaphore);
  }

  /** {@code CUresult cuMipmappedArrayGetLevel(CUarray *pLevelArray, CUmipmappedArray hMipmappedArray, unsigned int level)} */
  public static int ncuMipmappedArrayGetLevel(long pLevelArray, long mipmap, int level) {
    return invokePPI(pLevelArray, mipmap, level, Functions.cuMipmappedArrayGetLevel);
  }

  /** {@code CUresult cuMipmappedArrayDestroy(CUmipmappedArray hMipmappedArray)} */
  public static int ncuMipmappedArrayDestroy(long mipmap) {
    return invokePI(mipmap, Functions.cuMipmappedArrayDestroy);
  }

  /** {@code CUresult cuSurfObjectCreate(CUsurfObject *pSurfObject, const CUDA_RESOURCE_DESC *pResDesc)} */
  public static int ncuSurfObjectCreate(long pSurfObject, long pResDesc) {
    return invokePPI(pSurfObject, pResDesc, Functions.cuSurfObjectCreate);
  }

  /** {@code CUresult cuSurfObjectDestroy(CUsurfObject surfObject)} */
  public static int ncuSurfObjectDestroy(long surfObject) {
    return invokePI(surfObject, Functions.cuSurfObjectDestroy);
  }

  // ---- virtual memory management ----

  /** {@code CUresult cuMemCreate(CUmemGenericAllocationHandle *handle, size_t size, const CUmemAllocationProp *prop, unsigned long long flags)} */
  public static int ncuMemCreate(long handle, long size, long prop, long flags) {
    return invokePPPPI(handle, size, prop, flags, Functions.cuMemCreate);
  }

  /** {@code CUresult cuMemRelease(CUmemGenericAllocationHandle handle)} */
  public static int ncuMemRelease(long handle) {
    return invokePI(handle, Functions.cuMemRelease);
  }

  /** {@code CUresult cuMemAddressReserve(CUdeviceptr *ptr, size_t size, size_t alignment, CUdeviceptr addr, unsigned long long flags)} */
  public static int ncuMemAddressReserve(long ptr, long size, long alignment, long addr, long flags) {
    return invokePPPPPI(ptr, size, alignment, addr, flags, Functions.cuMemAddressReserve);
  }

  /** {@code CUresult cuMemAddressFree(CUdeviceptr ptr, size_t size)} */
  public static int ncuMemAddressFree(long ptr, long size) {
    return invokePPI(ptr, size, Functions.cuMemAddressFree);
  }

  /** {@code CUresult cuMemMap(CUdeviceptr ptr, size_t size, size_t offset, CUmemGenericAllocationHandle handle, unsigned long long flags)} */
  public static int ncuMemMap(long ptr, long size, long offset, long handle, long flags) {
    return invokePPPPPI(ptr, size, offset, handle, flags, Functions.cuMemMap);
  }

  /** {@code CUresult cuMemUnmap(CUdeviceptr ptr, size_t size)} */
  public static int ncuMemUnmap(long ptr, long size) {
    return invokePPI(ptr, size, Functions.cuMemUnmap);
  }

  /** {@code CUresult cuMemSetAccess(CUdeviceptr ptr, size_t size, const CUmemAccessDesc *desc, size_t count)} */
  public static int ncuMemSetAccess(long ptr, long size, long desc, long count) {
    return invokePPPPI(ptr, size, desc, count, Functions.cuMemSetAccess);
  }

  /** {@code CUresult cuMemGetAllocationGranularity(size_t *granularity, const CUmemAllocationProp *prop, CUmemAllocationGranularity_flags option)} */
  public static int ncuMemGetAllocationGranularity(long granularity, long prop, int option) {
    return invokePPI(granularity, prop, option, Functions.cuMemGetAllocationGranularity);
  }

  /** {@code CUresult cuMemExportToShareableHandle(void *shareableHandle, CUmemGenericAllocationHandle handle, CUmemAllocationHandleType handleType, unsigned long long flags)} */
  public static int ncuMemExportToShareableHandle(long shareableHandle, long handle, int handleType, long flags) {
    return invokePPPI(shareableHandle, handle, handleType, flags, Functions.cuMemExportToShareableHandle);
  }
}
