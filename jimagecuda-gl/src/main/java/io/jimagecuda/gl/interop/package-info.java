/**
 * OpenGL objects made from memory that CUDA or Vulkan exported.
 */
@NullMarked
package io.jimagecuda.gl.interop;

import org.jspecify.annotations.NullMarked;
