/**
 * The preview application: an animated scene made by fills, shown in a window or rendered headless.
 */
@NullMarked
package io.jimagecuda.gl.preview;

import org.jspecify.annotations.NullMarked;
