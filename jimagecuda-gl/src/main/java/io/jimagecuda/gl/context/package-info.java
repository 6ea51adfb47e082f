/**
 * OpenGL contexts: headless through EGL, in a window through GLFW, and the process environment
 * OpenGL needs for CUDA interop.
 */
@NullMarked
package io.jimagecuda.gl.context;

import org.jspecify.annotations.NullMarked;
