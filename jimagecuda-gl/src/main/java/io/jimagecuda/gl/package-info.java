/**
 * Showing images with OpenGL: {@link io.jimagecuda.gl.GLResource} (PyImageCUDA's interop object) and
 * {@link io.jimagecuda.gl.Presenter}s that bring frames to a texture on the fastest
 * {@link io.jimagecuda.gl.PresentPath}.
 *
 * <p>Parameters and results are never {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.jimagecuda.gl;

import org.jspecify.annotations.NullMarked;
