/**
 * JImageCUDA's images, operation families and backends: {@link io.jimagecuda.Image}, {@link io.jimagecuda.Fill},
 * {@link io.jimagecuda.Images} and the rest of package {@code io.jimagecuda}.
 *
 * <p>The CUDA backend calls native code (the NVIDIA driver, through LWJGL): on JDK 22 and later start Java
 * with {@code --enable-native-access=org.lwjgl,io.jimagecuda} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path) so that the JDK does not warn about it. The CPU
 * backend needs neither. Image files are read and written through ImageIO; the TwelveMonkeys plugins on
 * the module path are found as ImageIO service providers, and so is webp-imageio's WebP writer (automatic
 * module {@code webp.imageio}, which loads libwebp: add it to {@code --enable-native-access} when saving
 * WebP on JDK 22 and later).
 */
// Qualified exports name sibling modules that are compiled later: no "module not found" warning.
// TwelveMonkeys' metadata is an automatic module (named in its manifest, no module-info of its own).
@SuppressWarnings({"module", "requires-automatic"})
module io.jimagecuda {
  requires transitive java.desktop; // BufferedImage in the API; ImageIO and its plugins
  requires static transitive org.jspecify;
  requires org.lwjgl;
  // liblwjgl.so, which the CUDA driver binding loads: static, as the Maven dependency is optional (the CPU
  // backend needs no natives); an application requires org.lwjgl.natives (see io.jimagecuda.cli).
  requires static org.lwjgl.natives;
  requires jdk.unsupported; // LWJGL's memory access on JDK 17..24 (sun.misc.Unsafe; it requires it statically)
  requires com.twelvemonkeys.imageio.metadata; // EXIF orientation
  // webp-imageio (WebP writing and reading through libwebp) is an automatic module found by ImageIO's service
  // lookup; it is written in Kotlin, and an automatic module does not pull explicit modules into the graph.
  requires kotlin.stdlib;

  exports io.jimagecuda;

  // The internals the OpenGL module builds on (CUDA memory, streams, interop); nobody else.
  exports io.jimagecuda.internal to io.jimagecuda.gl;
  exports io.jimagecuda.internal.backend to io.jimagecuda.gl;
  exports io.jimagecuda.internal.cuda to io.jimagecuda.gl;
  exports io.jimagecuda.internal.cuda.driver to io.jimagecuda.gl;
  exports io.jimagecuda.internal.cuda.interop to io.jimagecuda.gl;
}
