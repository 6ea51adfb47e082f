/**
 * JImageCUDA on Apache Spark: {@link io.jimagecuda.spark.JImageCudaSpark#applyRecipe} applies a recipe to a
 * DataFrame of images, each task on the GPU Spark assigned to it; {@link io.jimagecuda.spark.SparkBatch} is
 * the {@code batch} command for {@code spark-submit}; {@link io.jimagecuda.spark.SparkBench} measures
 * images per second in local mode. The NVIDIA discovery script {@code getGpusResources.sh} is a resource of
 * this package. See docs/spark.md.
 */
@NullMarked
package io.jimagecuda.spark;

import org.jspecify.annotations.NullMarked;
