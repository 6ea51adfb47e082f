package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.CudaDeviceScope;
import io.jimagecuda.HostImage;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recipe applied to one input at a time, on one backend: the unit of work of the {@code batch}
 * command and of the Spark module. The recipe's {@code {"load": "$input"}} image is the input of each
 * call; its other {@code {"load": file}} images (a watermark, a texture) are read from the inputs
 * directory once, on first use, kept on the backend and copied for each call.
 *
 * <p>The input is decoded as {@code {"load": file}} decodes files (8-bit RGBA, then {@code v / 255} on the
 * backend, no EXIF rotation), so {@code render(Files.readAllBytes(f), "png", q)} gives the same bytes as
 * {@code render RECIPE --input f} writes.
 *
 * <p><b>Backend.</b> Chosen per instance: {@link BackendKind#CPU}, {@link BackendKind#CUDA} on the
 * configured device, or CUDA on device {@code n} ({@link #RecipeJob(Recipe, Path, BackendKind, int)}). The
 * host-side methods ({@link #render(HostImage)}, {@link #render(byte[], String, int)}) bind the calling
 * thread to the job's device for the duration of the call ({@link JImageCuda#useCudaDevice(int)}), so
 * they may be called from any thread.
 *
 * <p><b>Threads.</b> A job is thread-safe: several threads may render at once (on CUDA their work is
 * ordered on the device's one stream). {@link #close()} frees the cached images; call it once no render
 * is running.
 *
 * <pre>{@code
 * Recipe recipe = RecipeParser.parse(Path.of("thumbnail.json"));   // loads "$input"
 * try (RecipeJob job = new RecipeJob(recipe, Path.of("assets"), BackendKind.CUDA, 0)) {
 *   byte[] jpeg = job.render(Files.readAllBytes(Path.of("photo.jpg")), "jpg", 90);
 * }
 * }</pre>
 */
public final class RecipeJob implements AutoCloseable {
  /** How the input is decoded: as {@code {"load": file}} decodes files, without EXIF rotation. */
  public static final boolean INPUT_AUTOROTATE = false;

  private final Recipe recipe;
  private final BackendKind backend;
  private final int cudaDevice;
  private final RecipeRunner runner;
  private final CachedFiles files;

  /**
   * A job on {@code backend}; CUDA runs on the device the constructing thread uses
   * ({@link JImageCuda#cudaDevice()}: the configured one unless a {@link CudaDeviceScope} is open).
   *
   * @param recipe the recipe; usually loads {@code "$input"}
   * @param inputs the directory its {@code {"load": file}} images are read from
   * @param backend where the images live
   * @throws RecipeException if an op of the recipe is not implemented in this build
   * @throws io.jimagecuda.BackendUnavailableException if that backend cannot run here
   */
  public RecipeJob(Recipe recipe, Path inputs, BackendKind backend) {
    this(recipe, inputs, backend, backend == BackendKind.CUDA ? currentDevice() : -1);
  }

  /**
   * A job on {@code backend}; with CUDA, on device {@code cudaDevice}.
   *
   * @param recipe the recipe; usually loads {@code "$input"}
   * @param inputs the directory its {@code {"load": file}} images are read from
   * @param backend where the images live
   * @param cudaDevice the CUDA device index (0 for the first GPU); ignored for the CPU backend
   * @throws RecipeException if an op of the recipe is not implemented in this build
   * @throws IllegalArgumentException if {@code cudaDevice} is negative for CUDA
   * @throws io.jimagecuda.BackendUnavailableException if that backend cannot run here or there is no such
   *     device (the message says how many there are)
   */
  public RecipeJob(Recipe recipe, Path inputs, BackendKind backend, int cudaDevice) {
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(inputs, "inputs");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.cudaDevice = backend == BackendKind.CUDA ? cudaDevice : -1;
    OpRegistry registry = OpRegistry.standard();
    registry.unimplemented(recipe).ifPresent(message -> {
      throw new RecipeException(message);
    });
    if (backend == BackendKind.CUDA) {
      closeScope(JImageCuda.useCudaDevice(cudaDevice)); // starts the device now: a bad index fails here
    } else {
      JImageCuda.describe(backend);
    }
    this.files = new CachedFiles(ImageFiles.standard());
    this.runner = new RecipeRunner(registry, backend, inputs, files);
  }

  private static int currentDevice() {
    int device = JImageCuda.cudaDevice();
    return Math.max(device, 0);
  }

  /** {@return the recipe} */
  public Recipe recipe() {
    return recipe;
  }

  /** {@return the backend the job's images live on} */
  public BackendKind backend() {
    return backend;
  }

  /** {@return the CUDA device index of the job, or -1 for the CPU backend} */
  public int cudaDevice() {
    return cudaDevice;
  }

  /**
   * Binds the calling thread to the job's device until the scope is closed (for CUDA; for the CPU
   * backend a scope that does nothing). Use it around {@link #render(Image)} and the work on its
   * result when the job's device is not the thread's.
   *
   * @return the binding to close on this thread
   */
  public Binding bind() {
    CudaDeviceScope scope = openScope();
    return () -> closeScope(scope);
  }

  /** What {@link #bind()} returns: closing it restores the thread's previous CUDA device. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    /** Restores the thread's previous CUDA device (nothing for the CPU backend). */
    @Override
    void close();
  }

  /**
   * Runs the recipe with {@code input} as its {@code $input} image and returns the output image, which the
   * caller owns. Both live on the job's backend and device: for CUDA on a device other than the thread's,
   * create the input and use the result inside {@link #bind()}.
   *
   * @param input the input image; not changed; {@code null} only for a recipe without {@code $input}
   * @return the output image
   * @throws RecipeException if the library rejects a step's arguments, or {@code input} is null for a
   *     recipe that needs it
   * @throws IllegalArgumentException if {@code input} is on another backend
   * @throws IllegalStateException if {@code input} is on another CUDA device than the thread's
   * @throws IOException if a file the recipe loads cannot be read or decoded
   */
  public Image render(@Nullable Image input) throws IOException {
    CudaDeviceScope scope = openScope();
    try {
      return runner.run(recipe, input);
    } finally {
      closeScope(scope);
    }
  }

  /**
   * Uploads {@code input}, runs the recipe, and downloads its output converted to 8 bits (as a saved file
   * would be). Every image it creates is freed before it returns. Any thread may call it.
   *
   * @param input the decoded input pixels (e.g. from {@link Images#decode(byte[], boolean)} with
   *     {@link #INPUT_AUTOROTATE})
   * @return the output pixels
   * @throws RecipeException if the library rejects a step's arguments
   * @throws IOException if a file the recipe loads cannot be read or decoded
   * @throws io.jimagecuda.OutOfDeviceMemoryException if the device runs out of memory
   */
  public HostImage render(HostImage input) throws IOException {
    Objects.requireNonNull(input, "input");
    CudaDeviceScope scope = openScope();
    try (Image in = Images.fromHostImage(input, backend);
        Image out = runner.run(recipe, in)) {
      return Images.toHostImage(out);
    } finally {
      closeScope(scope);
    }
  }

  private @Nullable CudaDeviceScope openScope() {
    return backend == BackendKind.CUDA ? JImageCuda.useCudaDevice(cudaDevice) : null;
  }

  private static void closeScope(@Nullable CudaDeviceScope scope) {
    if (scope != null) {
      scope.close();
    }
  }

  /**
   * Decodes {@code encoded}, runs the recipe on it and encodes the output: one file in, one file out, all
   * in memory. Any thread may call it.
   *
   * @param encoded the content of an image file (PNG, JPEG, BMP, TIFF, WebP or GIF)
   * @param formatOrExtension the output format: {@code "png"}, {@code "jpg"}, {@code "bmp"} or {@code "tif"}
   * @param quality JPEG quality 1..100, or {@link Images.Save#ENCODER_DEFAULT_QUALITY}
   * @return the encoded output file content
   * @throws IllegalArgumentException for an unsupported format or quality
   * @throws RecipeException if the library rejects a step's arguments
   * @throws IOException if {@code encoded} or a file the recipe loads cannot be decoded, or encoding fails
   */
  public byte[] render(byte[] encoded, String formatOrExtension, int quality) throws IOException {
    Objects.requireNonNull(encoded, "encoded");
    HostImage input = Images.decode(encoded, INPUT_AUTOROTATE);
    return Images.encode(render(input), formatOrExtension, quality);
  }

  /** Frees the cached images of the recipe's files. Calling it again does nothing. */
  @Override
  public void close() {
    files.close();
  }

  @Override
  public String toString() {
    return "RecipeJob(" + recipe.name() + ", " + backend.id() + (cudaDevice >= 0 ? " device " + cudaDevice : "")
        + ")";
  }

  /**
   * Loads each file once and hands out copies: the recipe's constant images (a watermark) are decoded
   * once per job, not once per input.
   */
  private static final class CachedFiles implements ImageFiles, AutoCloseable {
    private final ImageFiles files;
    private final Map<Path, Image> loaded = new HashMap<>();
    private boolean closed;

    CachedFiles(ImageFiles files) {
      this.files = files;
    }

    @Override
    public Image load(Path file, BackendKind backend) throws IOException {
      Image cached;
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("RecipeJob: the job has been closed");
        }
        cached = loaded.get(file);
        if (cached == null) {
          cached = files.load(file, backend);
          loaded.put(file, cached);
        }
      }
      Image copy = new Image(cached.width(), cached.height(), backend);
      try {
        Images.copy(copy, cached);
        return copy;
      } catch (RuntimeException e) {
        copy.free();
        throw e;
      }
    }

    @Override
    public void save(Image image, Path file) throws IOException {
      files.save(image, file);
    }

    @Override
    public synchronized void close() {
      closed = true;
      loaded.values().forEach(Image::free);
      loaded.clear();
    }
  }
}
