package io.jimagecuda.gl.internal;

import java.lang.reflect.InvocationTargetException;
import javax.swing.SwingUtilities;

/** Runs code on Swing's event dispatch thread and waits for it: the panel, the window and the studio. */
public final class EventThread {
  private EventThread() {
  }

  /**
   * Runs {@code r} on the event thread (at once when called there) and returns when it has run; its
   * exceptions and errors are thrown here as they are.
   *
   * @param who what is waiting, for the message when the wait is interrupted
   * @param r the code
   * @throws IllegalStateException if the calling thread is interrupted while waiting (its flag is set again)
   */
  public static void run(String who, Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
      return;
    }
    try {
      SwingUtilities.invokeAndWait(r);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(who + ": interrupted while waiting for the event thread", e);
    }
  }
}
