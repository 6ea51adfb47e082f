/**
 * Small complete programs, such as PyImageCUDA's minimal preview written in Java.
 */
@NullMarked
package io.jimagecuda.gl.examples;

import org.jspecify.annotations.NullMarked;
