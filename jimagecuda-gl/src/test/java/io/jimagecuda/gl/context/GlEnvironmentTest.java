package io.jimagecuda.gl.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.context.GlEnvironment.FixState;
import org.junit.jupiter.api.Test;

class GlEnvironmentTest {
  private static final String TRAP_MAPS = """
      7f2a1c000000-7f2a1c021000 r--p 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6
      7f2a1d000000-7f2a1d080000 r-xp 00000000 08:01 5678 /tmp/lwjgl_root/3.4.3/x64/liblwjgl.so
      7f2a1e000000-7f2a1e001000 rw-p 00000000 00:00 0
      """;
  private static final String RENAMED_MAPS = """
      7f2a1d000000-7f2a1d080000 r-xp 00000000 08:01 5678 /opt/app/natives/libjimagecuda-lwjgl.so
      7f2a1e000000-7f2a1e100000 r-xp 00000000 08:01 9999 /usr/lib/x86_64-linux-gnu/libnvidia-eglcore.so.580.159.04
      """;

  @Test
  void prepareSetsTheVariableInTheRealEnvironment() {
    FixState state = GlEnvironment.prepare();
    assertTrue(state == FixState.APPLIED || state == FixState.APPLIED_LATE || state == FixState.USER_VALUE
        || state == FixState.OPTED_OUT, state.toString());
    if (state == FixState.APPLIED || state == FixState.APPLIED_LATE) {
      assertEquals("0", GlEnvironment.variable());
    }
    assertEquals(state, GlEnvironment.prepare(), "prepare() runs once");
  }

  @Test
  void lwjglsNativeLibraryIsFoundInThisProcess() {
    GlEnvironment.prepare(); // loads LWJGL's core native, which is the trap file
    assertTrue(GlEnvironment.trapLibrary().orElse("").endsWith("/liblwjgl.so"),
        "LWJGL extracts liblwjgl.so under that name: " + GlEnvironment.trapLibrary());
  }

  @Test
  void error219WithTheTrapNamesCauseAndFix() {
    String advice = GlEnvironment.interopAdvice(219, TRAP_MAPS, null, FixState.OPTED_OUT);
    assertTrue(advice.contains("/tmp/lwjgl_root/3.4.3/x64/liblwjgl.so"), advice);
    assertTrue(advice.contains("threaded optimizations"), advice);
    assertTrue(advice.contains("jimagecuda.gl.threadedOptimizationsFix=false"), advice);
    assertTrue(advice.contains("GlEnvironment.prepare()") && advice.contains("__GL_THREADED_OPTIMIZATIONS=0"),
        advice);

    assertTrue(GlEnvironment.interopAdvice(219, TRAP_MAPS, "1", FixState.USER_VALUE)
        .contains("the environment sets it to '1'"));
    assertFalse(GlEnvironment.interopAdvice(219, TRAP_MAPS, "0", FixState.APPLIED).contains("liblwjgl"),
        "with the variable at 0 the trap is not the cause");
    assertTrue(GlEnvironment.interopAdvice(219, TRAP_MAPS, null, FixState.APPLIED_LATE)
        .contains("only after NVIDIA's OpenGL driver had loaded"));
  }

  @Test
  void error219WithoutTheTrapPointsAtTheContext() {
    String advice = GlEnvironment.interopAdvice(219, RENAMED_MAPS, null, FixState.NOT_RUN);
    assertFalse(advice.contains("liblwjgl"), advice);
    assertTrue(advice.contains("current on this thread"), advice);
    assertTrue(GlEnvironment.interopAdvice(999, TRAP_MAPS, null, FixState.NOT_RUN).contains("VirtualGL"));
  }

  @Test
  void mapsParsing() {
    assertEquals("/tmp/lwjgl_root/3.4.3/x64/liblwjgl.so", GlEnvironment.trapLibrary(TRAP_MAPS));
    assertNull(GlEnvironment.trapLibrary(RENAMED_MAPS));
    assertNull(GlEnvironment.nvidiaGlDriverLoaded(TRAP_MAPS));
    assertEquals("libnvidia-eglcore.so.580.159.04", GlEnvironment.nvidiaGlDriverLoaded(RENAMED_MAPS));
  }
}
