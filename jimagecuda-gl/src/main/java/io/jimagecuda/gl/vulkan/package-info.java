/**
 * The Vulkan side of the zero-copy present path: a device on the CUDA GPU, exportable images and
 * semaphores.
 */
@NullMarked
package io.jimagecuda.gl.vulkan;

import org.jspecify.annotations.NullMarked;
