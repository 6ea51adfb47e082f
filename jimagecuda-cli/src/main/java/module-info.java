/**
 * The {@code jimagecuda} command line: {@code io.jimagecuda.cli.Main}. Exports nothing.
 *
 * <p>Run it from the module path with
 * {@code java --enable-native-access=org.lwjgl,io.jimagecuda,io.jimagecuda.gl --module-path DIR
 * --module io.jimagecuda.cli/io.jimagecuda.cli.Main COMMAND ...}.
 */
module io.jimagecuda.cli {
  requires io.jimagecuda.gl;
  requires io.jimagecuda.recipe;
  requires info.picocli;
  requires com.fasterxml.jackson.databind; // gallery index and bench peers JSON
  requires org.lwjgl.opengl; // bench present reads frames back with OpenGL
  // The application brings what the library modules require statically: the LWJGL natives and Vulkan.
  requires org.lwjgl.natives;
  requires org.lwjgl.opengl.natives;
  requires org.lwjgl.glfw.natives;
  requires org.lwjgl.vulkan;
  requires java.desktop; // preview and studio screenshots (java.awt.Robot)

  opens io.jimagecuda.cli to info.picocli; // picocli reads and sets the annotated command fields
}
