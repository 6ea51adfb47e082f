// The one translation unit nvcc compiles into kernels.fatbin: every family file, in one module.
// Each kernel is extern "C" and named <family>_<op>, the same stem as its Java API method.
#include "common.cuh"
#include "adjust.cu"
#include "blend.cu"
#include "convert.cu"
#include "effect.cu"
#include "fill.cu"
#include "filter.cu"
#include "present.cu"
#include "resize.cu"
#include "transform.cu"
#include "text.cu"
