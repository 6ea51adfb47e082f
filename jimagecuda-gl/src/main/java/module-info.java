/**
 * Showing JImageCUDA images with OpenGL: {@link io.jimagecuda.gl.GLResource}, the
 * {@link io.jimagecuda.gl.Presenter}s and their present paths, headless (EGL) and window (GLFW) contexts,
 * the preview application.
 *
 * <p>Calls native code (OpenGL, EGL, GLFW, Vulkan and the CUDA driver, through LWJGL): on JDK 22 and later
 * start Java with {@code --enable-native-access=org.lwjgl,io.jimagecuda,io.jimagecuda.gl} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path).
 */
// Qualified exports name sibling modules that are compiled later: no "module not found" warning.
@SuppressWarnings({"module", "requires-automatic"})
module io.jimagecuda.gl {
  requires transitive io.jimagecuda;
  requires static transitive org.jspecify;
  requires org.lwjgl.egl;
  requires org.lwjgl.glfw;
  requires static org.lwjgl.glfw.natives; // libglfw.so; static: the application brings the natives
  requires org.lwjgl.opengl;
  requires static org.lwjgl.opengl.natives; // liblwjgl_opengl.so
  // optional: only PresentPath.VULKAN_SHARED_TEXTURE needs it (it reports its absence, see Presenters)
  requires static org.lwjgl.vulkan;
  requires java.desktop; // PreviewPanel (Swing)
  requires org.lwjgl.jawt; // lwjgl3-awt's canvas reaches the native window through JAWT
  // lwjgl3-awt 0.2.3 has no module descriptor: on the module path it is the automatic module named after its
  // jar file. Its packages (org.lwjgl.opengl.awt, ...) split none of LWJGL's modules.
  requires lwjgl3.awt;
  requires transitive io.jimagecuda.recipe; // the studio edits recipes (Studio.recipe() returns one)

  exports io.jimagecuda.gl;
  exports io.jimagecuda.gl.context;
  exports io.jimagecuda.gl.examples;
  exports io.jimagecuda.gl.interop;
  exports io.jimagecuda.gl.preview;
  exports io.jimagecuda.gl.studio;
  exports io.jimagecuda.gl.swing;
  exports io.jimagecuda.gl.vulkan;

  // What the command line's preview and benchmarks use besides the API; nobody else.
  exports io.jimagecuda.gl.internal to io.jimagecuda.cli;
}
