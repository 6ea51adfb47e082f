/**
 * GPU image compositing on float32 RGBA images: {@link io.jimagecuda.Image} and
 * {@link io.jimagecuda.ImageU8}, one facade of static methods per operation family ({@link io.jimagecuda.Fill},
 * {@link io.jimagecuda.Images}, ...), the backends ({@link io.jimagecuda.BackendKind},
 * {@link io.jimagecuda.JImageCuda}) and the settings ({@link io.jimagecuda.Config}).
 *
 * <p>Parameters and results are never {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.jimagecuda;

import org.jspecify.annotations.NullMarked;
