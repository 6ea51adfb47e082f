/**
 * The live recipe editor ({@link io.jimagecuda.gl.studio.Studio}): controls made from the op vocabulary,
 * the result re-rendered as values change and shown in a {@link io.jimagecuda.gl.swing.PreviewPanel}.
 */
@NullMarked
package io.jimagecuda.gl.studio;

import org.jspecify.annotations.NullMarked;
