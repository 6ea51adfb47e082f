package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * {@link ImageFiles} on the core's {@link Images#loadInto(Image, Path, Images.Load) Images.loadInto} (without
 * EXIF rotation) and {@link Images#save(Image, Path) Images.save}.
 *
 * <p>To load onto the runner's backend, the destination is created there first, at the size read from the
 * file's header, and {@code Images.loadInto} fills it. The pixels take the reference's path: 8-bit RGBA
 * bytes, then the backend's own u8 → float conversion.
 */
final class CoreImageFiles implements ImageFiles {
  static final CoreImageFiles INSTANCE = new CoreImageFiles();

  /** The reference's loading: the EXIF orientation is not applied. */
  private static final Images.Load NO_ROTATION = Images.Load.DEFAULTS.withAutorotate(false);

  private CoreImageFiles() {
  }

  @Override
  public Image load(Path file, BackendKind backend) throws IOException {
    int[] size = headerSize(file);
    Image image = new Image(size[0], size[1], backend);
    try {
      Images.loadInto(image, file, NO_ROTATION);
      return image;
    } catch (IOException | RuntimeException e) {
      image.free();
      throw e;
    }
  }

  /**
   * The width and height in the header of {@code file}, read by the first ImageIO reader that recognises
   * it, without decoding the pixels. When the header cannot be read (no such file, not an image) or holds
   * no valid image size, {@code {1, 1}}: {@code Images.loadInto} then reports why the file cannot be loaded.
   */
  private static int[] headerSize(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return new int[] {1, 1};
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        boolean valid = w >= 1 && h >= 1 && w <= ImageBase.MAX_SIDE && h <= ImageBase.MAX_SIDE;
        return valid ? new int[] {w, h} : new int[] {1, 1};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new int[] {1, 1};
    }
  }

  @Override
  public void save(Image image, Path file) throws IOException {
    Images.save(image, file);
  }
}
