package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tables from made-up timings, with and without the peers of {@code peers.json}. */
class BenchReportTest {
  private static final Size MAIN = new Size(32, 16);       // 512 pixels
  private static final Size PUBLISHED = new Size(16, 8);
  private static final List<BenchOp> OPS = List.of(
      BenchOp.inPlace("copy", 32, (img, b) -> { }).published(),
      BenchOp.inPlace("fill.color", 16, (img, b) -> { }),
      BenchOp.inPlace("fill.noise", 16, (img, b) -> { }));
  private static final Map<BackendKind, String> BOTH = Map.of(BackendKind.CUDA, "GPU X", BackendKind.CPU, "CPU Y");

  private static Map<BackendKind, Map<String, BenchReport.Timing>> mainTimes() {
    Map<BackendKind, Map<String, BenchReport.Timing>> t = new EnumMap<>(BackendKind.class);
    t.put(BackendKind.CUDA, times(1e-6, 2e-6, 4e-6));
    t.put(BackendKind.CPU, times(1e-4, 2e-4, Double.NaN));
    return t;
  }

  private static Map<String, BenchReport.Timing> times(double copy, double color, double noise) {
    Map<String, BenchReport.Timing> m = new LinkedHashMap<>();
    m.put("copy", BenchReport.Timing.of(copy));
    m.put("fill.color", BenchReport.Timing.of(color));
    m.put("fill.noise", Double.isNaN(noise) ? BenchReport.Timing.failed("java.lang.OutOfMemoryError: x")
        : BenchReport.Timing.of(noise));
    return m;
  }

  private static String print(BenchReport report, boolean published) {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    if (published) {
      Map<BackendKind, Map<String, BenchReport.ReuseAlloc>> t = new EnumMap<>(BackendKind.class);
      t.put(BackendKind.CUDA, Map.of("copy", new BenchReport.ReuseAlloc(BenchReport.Timing.of(1e-6),
          BenchReport.Timing.of(1.5e-6))));
      t.put(BackendKind.CPU, Map.of("copy", new BenchReport.ReuseAlloc(BenchReport.Timing.of(1e-4),
          BenchReport.Timing.failed("boom"))));
      report.printPublished(out, PUBLISHED, 10, t);
    } else {
      report.printMain(out, MAIN, 10, 20, mainTimes());
    }
    out.flush();
    return s.toString();
  }

  @Test
  void theMainTableWithoutPeers() {
    // copy: 32 B · 512 / 1 µs = 16.4 GB/s on CUDA, 0.16 GB/s on the CPU; fill.color: 16 B · 512 / 2 µs = 4.1 GB/s
    // = 25 % of copy, 0.04 GB/s = 25 % on the CPU; the CPU is 100× slower.
    assertEquals("""
        ## Ops at 32x16: median of 10 samples (CUDA: batches of 20 ops + synchronize)

        - cuda: GPU X
        - cpu: CPU Y

        | op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU |
        |---|---:|---:|---:|---:|---:|---:|---:|
        | copy | 0.001 | 16.4 | 100 % | 0.100 | 0.2 | 100 % | 100× |
        | fill.color | 0.002 | 4.1 | 25 % | 0.200 | 0.0 | 25 % | 100× |
        | fill.noise | 0.004 | 2.0 | 13 % | – | – | – | – |

        Ratios are speed-ups (how many times faster): CUDA / CPU = CPU ms ÷ CUDA ms.
        - not measured: fill.noise on cpu: java.lang.OutOfMemoryError: x
        """, print(new BenchReport(OPS, BOTH, "no GPU", null), false));
  }

  @Test
  void theMainTableWithPeers() {
    String text = print(new BenchReport(OPS, BOTH, "no GPU", Peers.parse(Fixtures.text("peers.json"))), false);
    // fill.color: OpenCV u8 0.5 ms, f32 1.0 ms, Pillow 2.0 ms; CUDA 0.002 ms → 0.5 / 0.002 = 250×;
    // CPU 0.2 ms → 1.0 / 0.2 = 5.0×. copy: 0.25 / 0.001 = 250×, 1.0 / 0.1 = 10×.
    assertEquals("""
        ## Ops at 32x16: median of 10 samples (CUDA: batches of 20 ops + synchronize)

        - cuda: GPU X
        - cpu: CPU Y
        - peers (dev/bench_peers.py): OpenCV 4.10.0 (16 threads), Pillow 11.0.0, numpy 2.1.3, Python 3.12.3, median \
        of 10
        - peers not measured: scikit (not installed)

        | op | CUDA ms | CUDA GB/s | CUDA % of copy | CPU ms | CPU GB/s | CPU % of copy | CUDA / CPU | OpenCV u8 ms \
        | OpenCV f32 ms | Pillow ms | CUDA / OpenCV | CPU / OpenCV f32 |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | copy | 0.001 | 16.4 | 100 % | 0.100 | 0.2 | 100 % | 100× | 0.250 | 1.000 | – | 250× | 10× |
        | fill.color | 0.002 | 4.1 | 25 % | 0.200 | 0.0 | 25 % | 100× | 0.500 | 1.000 | 2.000 | 250× | 5.0× |
        | fill.noise | 0.004 | 2.0 | 13 % | – | – | – | – | – | – | – | – | – |

        Ratios are speed-ups (how many times faster): CUDA / CPU = CPU ms ÷ CUDA ms; CUDA / OpenCV = the faster of \
        OpenCV's u8 and f32 ms ÷ CUDA ms; CPU / OpenCV f32 = OpenCV f32 ms ÷ CPU ms (both float32 on the CPU).
        - not measured: fill.noise on cpu: java.lang.OutOfMemoryError: x
        - peer implementations:
          - copy: OpenCV: np.copyto(dst, src)
          - fill.color: OpenCV: dst[...] = colour (numpy); Pillow: Image.paste(colour, box)
          - fill.noise: Pillow: skipped (error: AttributeError: effect_noise)
        - peer entries without a row here: future.op
        """, text);
  }

  @Test
  void aMissingBackendIsReportedWithTheReason() {
    Map<BackendKind, Map<String, BenchReport.Timing>> cpuOnly = new EnumMap<>(BackendKind.class);
    cpuOnly.put(BackendKind.CPU, times(1e-4, 2e-4, 4e-4));
    StringWriter s = new StringWriter();
    new BenchReport(OPS, Map.of(BackendKind.CPU, "CPU Y"), "no driver", null).printMain(new PrintWriter(s, true),
        MAIN, 3, 20, cpuOnly);
    List<String> lines = s.toString().lines().toList();
    assertEquals("- cuda: not measured: no driver", lines.get(2));
    assertEquals("| fill.color | – | – | – | 0.200 | 0.0 | 25 % | – |", lines.get(8));
  }

  @Test
  void thePublishedSection() {
    String text = print(new BenchReport(OPS, BOTH, "no GPU", Peers.parse(Fixtures.text("peers.json"))), true);
    // copy at 16x8: OpenCV f32 0.1 ms only: CUDA 0.001 ms → 100×, CPU 0.1 ms → 1.0×.
    assertEquals("""
        ## PyImageCUDA's published set at 16x8: reused buffers vs an allocation per call (median of 10 samples)

        Reuse: every call writes into buffers made once. Alloc: every call allocates its result (and any scratch), \
        runs and frees it, so alloc − reuse is the allocator's cost (CUDA: the stream-ordered pool; CPU: the Java heap).

        - peers (dev/bench_peers.py): OpenCV 4.10.0 (16 threads), Pillow 11.0.0, numpy 2.1.3, Python 3.12.3, median \
        of 10
        - peers not measured: scikit (not installed)

        | op | CUDA reuse ms | CUDA alloc ms | CUDA alloc ÷ reuse | CPU reuse ms | CPU alloc ms | CPU alloc ÷ reuse \
        | OpenCV u8 ms | OpenCV f32 ms | Pillow ms | CUDA / OpenCV | CPU / OpenCV f32 |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | copy | 0.001 | 0.002 | 1.50× | 0.100 | – | – | – | 0.100 | – | 100× | 1.0× |

        Peer ratios use the reuse times.
        - not measured: copy on cpu (alloc): boom
        - peer implementations:
          - copy: OpenCV: np.copyto(dst, src)
        """, text);
  }

  @Test
  void speedupsKeepTwoSignificantDigitsBelowTen() {
    assertEquals("250×", BenchReport.speedup(Optional.of(0.5), Optional.of(0.002)));
    assertEquals("2.5×", BenchReport.speedup(Optional.of(5.0), Optional.of(2.0)));
    assertEquals("0.40×", BenchReport.speedup(Optional.of(2.0), Optional.of(5.0)));
    assertEquals("–", BenchReport.speedup(Optional.empty(), Optional.of(5.0)));
  }
}
