package io.jimagecuda.gl.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lwjgl.egl.EGL14;
import org.lwjgl.opengl.GL11;

class EglContextTest {
  @Test
  void opensMakesCurrentAndCloses() {
    EglContext gl = EglContext.open();
    try {
      System.out.println(gl.describe());
      assertFalse(gl.isClosed());
      assertEquals(gl.handle(), EGL14.eglGetCurrentContext());
      GL11.glClearColor(0, 0, 0, 1);
      assertEquals(GL11.GL_NO_ERROR, GL11.glGetError());
      gl.releaseCurrent();
      assertEquals(0L, EGL14.eglGetCurrentContext());
      gl.makeCurrent();
      assertEquals(gl.handle(), EGL14.eglGetCurrentContext());
    } finally {
      gl.close();
    }
    assertTrue(gl.isClosed());
    assertEquals(0L, EGL14.eglGetCurrentContext());
    assertThrows(IllegalStateException.class, gl::makeCurrent);
    gl.close();
  }
}
