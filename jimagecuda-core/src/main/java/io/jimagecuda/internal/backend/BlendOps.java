package io.jimagecuda.internal.backend;

import io.jimagecuda.MaskMode;

/**
 * The blend modes and the mask (spec §3.2), in place on {@code base}. Every method composites a layer of
 * {@code lw × lh} pixels whose top-left pixel lands on base pixel {@code (px, py)} of a {@code bw × bh}
 * base; each backend clips to the base itself and touches only the covered rectangle. Arguments are
 * already validated by {@code Blend}: the opacity is in 0..1, and {@code layer} is {@code base} only when
 * the placement is the identity (each pixel then reads and writes only itself).
 *
 * <p>Per covered pixel, with {@code s} the layer pixel, {@code b} the base pixel,
 * {@code αs = s.a·opacity}, {@code k = 1 − αs}, {@code αo = b.a·k + αs} (fused) and
 * {@code B} the mode's blend of the straight colours: {@code out.rgb = (B·αs + b.rgb·b.a·k) · (1/αo)}
 * (0 where {@code αo ≤ 1e-6}), {@code out.a = αo}. For the modes other than normal, {@code B} is first
 * mixed with the source colour by the base's alpha, {@code fma(B, b.a, s·(1 − b.a))}, as W3C compositing
 * does, so that a transparent base shows the layer's own colour.
 */
public interface BlendOps {
  /** See {@link io.jimagecuda.Blend#normal}: {@code B = s}. */
  void normal(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#multiply}: {@code B = b·s}. */
  void multiply(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#screen}: {@code B = 1 − (1 − b)(1 − s)}. */
  void screen(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#add}: {@code B = min(b + s, 1)}. */
  void add(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#overlay}: hard light with base and layer swapped. */
  void overlay(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#softLight}: {@code B = (1 − 2s)·b² + 2s·b}. */
  void softLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#hardLight}: {@code s < ½ ? 2sb : 1 − 2(1 − s)(1 − b)}. */
  void hardLight(Storage base, int bw, int bh, Storage layer, int lw, int lh, int px, int py, float opacity);

  /** See {@link io.jimagecuda.Blend#mask}: {@code b.a ← b.a · k}, k from {@code mode}; RGB unchanged. */
  void mask(Storage base, int bw, int bh, Storage mask, int mw, int mh, int px, int py, MaskMode mode);
}
