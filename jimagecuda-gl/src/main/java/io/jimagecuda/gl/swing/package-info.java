/**
 * Swing: {@link io.jimagecuda.gl.swing.PreviewPanel}, a component that shows the library's frames through
 * an OpenGL canvas (or Java2D where OpenGL cannot run), with pan, zoom and a pixel readout;
 * {@link io.jimagecuda.gl.swing.PreviewWindow}, a window holding one; {@link io.jimagecuda.gl.swing.ViewTransform},
 * the pan and zoom arithmetic.
 */
@NullMarked
package io.jimagecuda.gl.swing;

import org.jspecify.annotations.NullMarked;
