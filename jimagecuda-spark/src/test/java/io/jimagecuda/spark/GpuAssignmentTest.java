package io.jimagecuda.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.spark.JImageCudaSpark.BackendChoice;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

/** The mapping from a task's Spark resources to its backend, with made-up resources and CUDA states. */
class GpuAssignmentTest {
  private static final Supplier<CudaState> TWO_GPUS = () -> new CudaState(true, 2, "CUDA is available");
  private static final Supplier<CudaState> ONE_GPU = () -> new CudaState(true, 1, "CUDA is available");
  private static final Supplier<CudaState> NO_CUDA = () -> new CudaState(false, 0, "no NVIDIA driver");
  private static final Supplier<CudaState> NOT_ASKED = () -> fail("CUDA must not be started here");

  private static Map<String, ResourceInformation> gpus(String... addresses) {
    return Map.of("gpu", new ResourceInformation("gpu", addresses));
  }

  private static TaskDevice choose(Map<String, ResourceInformation> resources, BackendChoice choice,
      Supplier<CudaState> cuda) {
    return GpuAssignment.choose(resources, List.of(), 0, choice, cuda);
  }

  @Test
  void theAssignedGpuIsTheCudaDevice() {
    TaskDevice d = choose(gpus("1"), BackendChoice.AUTO, TWO_GPUS);
    assertEquals(BackendKind.CUDA, d.backend());
    assertEquals(1, d.cudaDevice());
    assertEquals("cuda:1", d.label());
    assertEquals("1", d.gpuAddress());
    assertEquals("Spark assigned GPU 1", d.reason());
  }

  @Test
  void theFirstOfSeveralAssignedGpus() {
    TaskDevice d = choose(gpus("1", "0"), BackendChoice.GPU, TWO_GPUS);
    assertEquals("cuda:1", d.label());
    assertTrue(d.reason().contains("assigned 2 GPUs; it uses the first"), d.reason());
  }

  @Test
  void anIsolatedExecutorSeesItsGpuAsDeviceZero() {
    TaskDevice d = choose(gpus("3"), BackendChoice.AUTO, ONE_GPU);
    assertEquals("cuda:0", d.label());
    assertTrue(d.reason().contains("sees one CUDA device"), d.reason());
  }

  @Test
  void noGpuResourceMeansTheCpuBackendWithoutStartingCuda() {
    TaskDevice d = choose(Map.of(), BackendChoice.AUTO, NOT_ASKED);
    assertEquals(BackendKind.CPU, d.backend());
    assertEquals(-1, d.cudaDevice());
    assertNull(d.gpuAddress());
    assertTrue(d.reason().contains("Spark assigned no GPU to this task"), d.reason());
    assertEquals("cpu", choose(gpus(), BackendChoice.AUTO, NOT_ASKED).label());
    assertEquals("cpu", choose(Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"})),
        BackendChoice.AUTO, NOT_ASKED).label());
  }

  @Test
  void cpuChoiceIgnoresTheGpu() {
    TaskDevice d = choose(gpus("0"), BackendChoice.CPU, NOT_ASKED);
    assertEquals("cpu", d.label());
    assertTrue(d.reason().contains("requested"), d.reason());
  }

  @Test
  void aGpuWithoutCudaFallsBackToTheCpuSayingWhy() {
    TaskDevice d = choose(gpus("0"), BackendChoice.AUTO, NO_CUDA);
    assertEquals("cpu", d.label());
    assertEquals("0", d.gpuAddress());
    assertEquals("Spark assigned GPU 0 but CUDA cannot run in this executor: no NVIDIA driver; using the CPU "
        + "backend", d.reason());
  }

  @Test
  void addressesThatAreNoDeviceFallBack() {
    assertTrue(choose(gpus("GPU-4f2a"), BackendChoice.AUTO, NOT_ASKED).reason()
        .contains("'GPU-4f2a' is not a device index"));
    assertTrue(choose(gpus("-1"), BackendChoice.AUTO, NOT_ASKED).reason().contains("is negative"));
    TaskDevice beyond = choose(gpus("5"), BackendChoice.AUTO, TWO_GPUS);
    assertEquals("cpu", beyond.label());
    assertTrue(beyond.reason().contains("sees 2 CUDA devices (0..1)"), beyond.reason());
  }

  @Test
  void gpuChoiceFailsTheTaskInsteadOfFallingBack() {
    BackendUnavailableException none = assertThrows(BackendUnavailableException.class,
        () -> choose(Map.of(), BackendChoice.GPU, NOT_ASKED));
    assertTrue(none.getMessage().contains("(BackendChoice.GPU) but spark assigned no GPU"), none.getMessage());
    BackendUnavailableException noCuda = assertThrows(BackendUnavailableException.class,
        () -> choose(gpus("0"), BackendChoice.GPU, NO_CUDA));
    assertTrue(noCuda.getMessage().contains("no NVIDIA driver"), noCuda.getMessage());
  }

  @Test
  void localModePartitionsShareTheDriversGpus() {
    List<String> driver = List.of("0", "1");
    for (int partition = 0; partition < 6; partition++) {
      TaskDevice d = GpuAssignment.choose(Map.of(), driver, partition, BackendChoice.AUTO, TWO_GPUS);
      assertEquals("cuda:" + partition % 2, d.label());
      assertEquals("local mode: partition " + partition + " takes the driver's GPU " + partition % 2, d.reason());
    }
    // a GPU of the task's own wins over the driver's
    assertEquals("cuda:1", GpuAssignment.choose(gpus("1"), driver, 0, BackendChoice.AUTO, TWO_GPUS).label());
    assertEquals("cpu", GpuAssignment.choose(Map.of(), driver, 3, BackendChoice.AUTO, NO_CUDA).label());
  }
}
