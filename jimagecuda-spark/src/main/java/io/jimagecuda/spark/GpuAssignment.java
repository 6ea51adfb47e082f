package io.jimagecuda.spark;

import io.jimagecuda.BackendUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.resource.ResourceInformation;
import org.jspecify.annotations.Nullable;

/**
 * Maps the resources Spark assigned to a task ({@code TaskContext.get().resourcesJMap()}) to the backend
 * and CUDA device the task uses. Pure logic: the unit tests give it made-up resources and CUDA states.
 *
 * <p>Spark's GPU addresses are those the discovery script reported: {@code getGpusResources.sh} reports
 * {@code nvidia-smi}'s indices, which are CUDA device indices on the usual machine. Where the cluster
 * manager isolates GPUs per executor ({@code CUDA_VISIBLE_DEVICES} set to the executor's one GPU, as YARN
 * and Kubernetes can), the process sees a single device 0 whatever the address: an address beyond the
 * devices this process sees is then mapped to device 0.
 *
 * <p><b>Local mode.</b> Spark's local mode schedules no resources to tasks: with {@code local[N]} the task
 * resources are empty even where {@code spark.driver.resource.gpu.amount} and its discovery script gave the
 * driver GPUs. There, the executor is the driver's JVM, so a task without a GPU of its own takes one of the
 * driver's GPU addresses, chosen by its partition number (partition {@code p} gets address
 * {@code p mod n}): the GPUs share the partitions evenly.
 */
final class GpuAssignment {
  /** The name of Spark's GPU resource ({@code spark.executor.resource.gpu.amount}). */
  static final String GPU = "gpu";

  private GpuAssignment() {
  }

  /**
   * Chooses the backend of one task.
   *
   * @param resources the task's resources by name ({@code gpu}, possibly others)
   * @param localModeGpus the driver's GPU addresses when Spark runs in local mode, else empty
   * @param partition the task's partition number (chooses among {@code localModeGpus})
   * @param choice what the user asked for
   * @param cuda the CUDA state of this JVM; asked only when a GPU was assigned and CPU was not forced
   * @return the backend and device, with the reason
   * @throws BackendUnavailableException for {@link JImageCudaSpark.BackendChoice#GPU} when the task has no
   *     GPU, its address is not a device index, or CUDA cannot run
   */
  static TaskDevice choose(Map<String, ResourceInformation> resources, List<String> localModeGpus, int partition,
      JImageCudaSpark.BackendChoice choice, Supplier<CudaState> cuda) {
    if (choice == JImageCudaSpark.BackendChoice.CPU) {
      return TaskDevice.cpu(null, "the CPU backend was requested (BackendChoice.CPU)");
    }
    ResourceInformation gpu = resources.get(GPU);
    String[] addresses = gpu == null ? new String[0] : gpu.addresses();
    String assigned = "Spark assigned GPU ";
    if (addresses.length == 0 && !localModeGpus.isEmpty()) {
      addresses = new String[] {localModeGpus.get(Math.floorMod(partition, localModeGpus.size()))};
      assigned = "local mode: partition " + partition + " takes the driver's GPU ";
    }
    if (addresses.length == 0) {
      return fallback(choice, null, "Spark assigned no GPU to this task (set spark.executor.resource.gpu.amount "
          + "and spark.task.resource.gpu.amount to run on GPUs; in local mode spark.driver.resource.gpu.amount)");
    }
    String address = addresses[0].trim();
    int index;
    try {
      index = Integer.parseInt(address);
    } catch (NumberFormatException e) {
      return fallback(choice, address, "Spark's GPU address '" + address + "' is not a device index (the "
          + "discovery script must report nvidia-smi indices such as \"0\", as getGpusResources.sh does)");
    }
    if (index < 0) {
      return fallback(choice, address, "Spark's GPU address '" + address + "' is negative");
    }
    CudaState state = cuda.get();
    if (!state.available()) {
      return fallback(choice, address, assigned + address + " but CUDA cannot run in this executor: "
          + state.status());
    }
    String more = addresses.length > 1
        ? " (the task was assigned " + addresses.length + " GPUs; it uses the first)" : "";
    if (index < state.deviceCount()) {
      return TaskDevice.cuda(index, address, assigned + address + more);
    }
    if (state.deviceCount() == 1) {
      return TaskDevice.cuda(0, address, assigned + address + more + "; this executor sees one CUDA device "
          + "(isolated by CUDA_VISIBLE_DEVICES), device 0");
    }
    return fallback(choice, address, assigned + address + " but this executor sees "
        + state.deviceCount() + " CUDA devices (0.." + (state.deviceCount() - 1) + "): the discovery script "
        + "and CUDA_VISIBLE_DEVICES disagree");
  }

  private static TaskDevice fallback(JImageCudaSpark.BackendChoice choice, @Nullable String address,
      String why) {
    if (choice == JImageCudaSpark.BackendChoice.GPU) {
      throw new BackendUnavailableException("jimagecuda-spark: the GPU backend was requested "
          + "(BackendChoice.GPU) but " + Character.toLowerCase(why.charAt(0)) + why.substring(1));
    }
    return TaskDevice.cpu(address, why + "; using the CPU backend");
  }
}
