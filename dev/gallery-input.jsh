// Makes docs/ops/inputs/photo.png, the photo the ops gallery's recipes load: the conformance kit's
// inputs/photo.jpg (1920x1080) averaged over 6x6 blocks to 320x180, decoded and saved by JImageCUDA's own IO
// on the CPU backend. Run by dev/gallery-input.sh.
import io.jimagecuda.*;
import java.nio.file.*;

Path in = Path.of(System.getProperty("in"));
Path out = Path.of(System.getProperty("out"));
int k = 6;
try (Image photo = IO.load(in)) {
  int w = photo.width(), h = photo.height(), ow = w / k, oh = h / k;
  float[] px = IO.toArray(photo);
  float[] small = new float[ow * oh * 4];
  for (int y = 0; y < oh; y++)
    for (int x = 0; x < ow; x++)
      for (int c = 0; c < 4; c++) {
        float sum = 0;
        for (int j = 0; j < k; j++)
          for (int i = 0; i < k; i++)
            sum += px[((y * k + j) * w + x * k + i) * 4 + c];
        small[(y * ow + x) * 4 + c] = sum / (k * k);
      }
  try (Image img = IO.fromArray(small, oh, ow, 4)) {
    IO.save(img, out);
  }
}
System.out.println(in + " -> " + out);
/exit
