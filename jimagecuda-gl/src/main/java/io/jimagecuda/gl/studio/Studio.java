package io.jimagecuda.gl.studio;

import io.jimagecuda.gl.internal.EventThread;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.gl.swing.PreviewPanel;
import io.jimagecuda.recipe.OpSpec;
import io.jimagecuda.recipe.Param;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeException;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeSession;
import io.jimagecuda.recipe.RecipeWriter;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.jspecify.annotations.Nullable;

/**
 * The live recipe editor: the recipe's steps on the left, each parameter a control made from the op
 * vocabulary ({@code ParamEditor}), the result on the right in a {@link PreviewPanel}. A change re-renders
 * after a short pause (debounced, {@value #DEBOUNCE_MILLIS} ms) on one render thread through a
 * {@link RecipeSession} (images kept allocated between runs) and shows the frame time; a value the library
 * rejects shows the library's message under its control and leaves the last good frame on screen. Save
 * writes the edited recipe as JSON and the result as PNG.
 *
 * <pre>{@code
 * Studio studio = Studio.open(Path.of("docs/quick.json"), BackendKind.CUDA);
 * studio.awaitClosed();
 * }</pre>
 */
public final class Studio implements AutoCloseable {
  /** The pause after the last change before the recipe runs again. */
  public static final int DEBOUNCE_MILLIS = 30;

  private final Path recipeFile;
  private final JFrame frame;
  private final PreviewPanel panel;
  private final JLabel timing = new JLabel(" ");
  private final Map<String, ParamEditor> editors = new LinkedHashMap<>();
  private final ExecutorService renderer;
  private final RecipeSession session;
  private final Timer debounce;
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Changes not yet given to the session, by "step/param"; guarded by this. */
  private final Map<String, Object[]> pending = new LinkedHashMap<>();
  /** Per step, the parameter changed last (where a run error of that step is shown). */
  private final Map<Integer, String> lastChanged = new HashMap<>();
  private volatile double frameMillis = Double.NaN;
  private volatile double runMillis = Double.NaN;
  private volatile long frames;
  private boolean disposed;

  private Studio(Path recipeFile, RecipeSession session, ExecutorService renderer) {
    this.recipeFile = recipeFile;
    this.session = session;
    this.renderer = renderer;
    frame = new JFrame("JImageCUDA studio - " + recipeFile.getFileName());
    panel = new PreviewPanel();
    debounce = new Timer(DEBOUNCE_MILLIS, e -> render());
    debounce.setRepeats(false);
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        shutdown();
      }
    });
    JPanel steps = stepsPanel(session.recipe());
    JPanel left = new JPanel(new BorderLayout());
    JScrollPane scroll = new JScrollPane(steps);
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    left.add(scroll, BorderLayout.CENTER);
    JPanel bottom = new JPanel(new BorderLayout());
    JButton save = new JButton("Save");
    save.setToolTipText("Write the recipe to " + recipeFile + " and the result to " + pngFor(recipeFile));
    save.addActionListener(e -> saveFromButton());
    bottom.add(timing, BorderLayout.CENTER);
    bottom.add(save, BorderLayout.EAST);
    bottom.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
    left.add(bottom, BorderLayout.SOUTH);
    left.setPreferredSize(new Dimension(460, 700));
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, panel);
    split.setResizeWeight(0);
    frame.add(split);
    frame.setSize(1400, 820);
  }

  /**
   * Opens the studio on a recipe file (input files are read from the file's directory) and returns at once;
   * the first frame renders in the background.
   *
   * @param recipeFile the recipe (JSON)
   * @param backend where the images live
   * @return the studio, its window visible
   * @throws IOException if the recipe or an input file cannot be read
   * @throws RecipeException if the recipe is not valid or uses an op this build does not implement
   * @throws java.awt.HeadlessException if there is no display
   */
  public static Studio open(Path recipeFile, BackendKind backend) throws IOException {
    if (GraphicsEnvironment.isHeadless()) {
      throw new java.awt.HeadlessException("Studio: no display (DISPLAY is unset or java.awt.headless is true)");
    }
    Recipe recipe = RecipeParser.parse(recipeFile);
    Path inputs = recipeFile.toAbsolutePath().getParent();
    ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "jimagecuda-studio-render");
      t.setDaemon(true);
      return t;
    });
    RecipeSession session;
    try {
      session = renderer.submit(() -> new RecipeSession(recipe, backend, inputs)).get();
    } catch (ExecutionException e) {
      renderer.shutdown();
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      renderer.shutdown();
      Thread.currentThread().interrupt();
      throw new IOException("Studio: interrupted while loading " + recipeFile, e);
    }
    Studio[] out = new Studio[1];
    onEdt(() -> {
      out[0] = new Studio(recipeFile, session, renderer);
      out[0].frame.setLocationRelativeTo(null);
      out[0].frame.setVisible(true);
      out[0].render();
    });
    return out[0];
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IOException(cause);
  }

  private JPanel stepsPanel(Recipe recipe) {
    JPanel list = new JPanel();
    list.setLayout(new BoxLayout(list, BoxLayout.Y_AXIS));
    for (Recipe.Step step : recipe.steps()) {
      JPanel box = new JPanel(new GridBagLayout());
      OpSpec op = step.op();
      String title = step.number() + "  " + op.name() + (step.out() != null ? "  \u2192 " + step.out() : "");
      box.setBorder(BorderFactory.createTitledBorder(title));
      box.setName("step:" + step.number());
      int row = 0;
      for (Param p : op.params()) {
        int number = step.number();
        ParamEditor editor = new ParamEditor(op.name(), p, step.args().get(p.name()),
            v -> changed(number, p.name(), v));
        editor.showError(null);
        editors.put(key(number, p.name()), editor);
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(1, 4, 1, 4);
        box.add(new JLabel(p.name()), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        box.add(editor.component(), c);
        c.gridy = row + 1;
        box.add(editor.errorLabel(), c);
        row += 2;
      }
      box.setAlignmentX(0);
      box.setMaximumSize(new Dimension(Integer.MAX_VALUE, box.getPreferredSize().height));
      list.add(box);
    }
    list.add(Box.createVerticalGlue());
    return list;
  }

  private static String key(int step, String param) {
    return step + "/" + param;
  }

  /** A control changed: remember the value and render after the debounce pause. Event thread. */
  private void changed(int step, String param, @Nullable Object value) {
    synchronized (this) {
      pending.put(key(step, param), new Object[] {step, param, value});
    }
    lastChanged.put(step, param);
    debounce.restart();
  }

  /** Hands the pending changes and a run to the render thread. Event thread. */
  private void render() {
    if (disposed) {
      return;
    }
    renderer.submit(this::renderOnRenderThread);
  }

  /** Applies the pending changes, runs the recipe, shows the frame; reports errors to the controls. */
  private void renderOnRenderThread() {
    List<Object[]> changes;
    synchronized (this) {
      if (disposed) {
        return;
      }
      changes = new ArrayList<>(pending.values());
      pending.clear();
    }
    Map<String, @Nullable String> errors = new HashMap<>();
    for (Object[] c : changes) {
      String k = key((Integer) c[0], (String) c[1]);
      try {
        session.set((Integer) c[0], (String) c[1], c[2]);
        errors.put(k, null);
      } catch (IllegalArgumentException e) {
        errors.put(k, e.getMessage());
      }
    }
    long start = System.nanoTime();
    String runError = null;
    int failed = 0;
    try {
      Image out = session.run();
      long ran = System.nanoTime();
      panel.show(out);
      long shown = System.nanoTime();
      runMillis = (ran - start) / 1e6;
      frameMillis = (shown - start) / 1e6;
      frames++;
    } catch (RecipeException e) {
      runError = e.getMessage();
      failed = session.failedStep();
    } catch (RuntimeException e) {
      runError = e.toString();
    }
    String message = runError;
    int failedStep = failed;
    SwingUtilities.invokeLater(() -> report(errors, message, failedStep));
  }

  private void report(Map<String, @Nullable String> errors, @Nullable String runError, int failedStep) {
    errors.forEach((k, message) -> {
      ParamEditor e = editors.get(k);
      if (e != null) {
        e.showError(message);
      }
    });
    if (runError == null) {
      for (ParamEditor e : editors.values()) {
        if (!errors.containsKey(keyOf(e)) || errors.get(keyOf(e)) == null) {
          e.showError(null);
        }
      }
      timing.setText(String.format(Locale.ROOT, "frame %.2f ms (recipe %.2f ms, show %.2f ms), %s, %d frames",
          frameMillis, runMillis, frameMillis - runMillis, session.backend().id(), frames));
      timing.setToolTipText(timing.getText());
    } else {
      String param = lastChanged.get(failedStep);
      ParamEditor target = param == null ? firstEditor(failedStep) : editors.get(key(failedStep, param));
      if (target != null) {
        target.showError(runError);
      }
      timing.setText("not rendered: " + (target == null ? runError : "see the message under the control"));
    }
  }

  private @Nullable String keyOf(ParamEditor e) {
    for (Map.Entry<String, ParamEditor> x : editors.entrySet()) {
      if (x.getValue() == e) {
        return x.getKey();
      }
    }
    return null;
  }

  private @Nullable ParamEditor firstEditor(int step) {
    for (Map.Entry<String, ParamEditor> x : editors.entrySet()) {
      if (x.getKey().startsWith(step + "/")) {
        return x.getValue();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- programmatic use (scripts, tests)

  /**
   * Sets a parameter as if the user had edited its control (the control shows it, the studio re-renders
   * after the debounce pause). Any thread.
   *
   * @param step the step's number, from 1
   * @param param the parameter's name
   * @param value the value, typed as in {@link Recipe.Step#args()}
   * @throws IllegalArgumentException if the recipe has no such step parameter
   */
  public void setValue(int step, String param, @Nullable Object value) {
    ParamEditor e = editor(step, param);
    onEdt(() -> e.apply(value));
  }

  /**
   * {@return the error shown under a parameter's control, or an empty string}
   *
   * @param step the step's number, from 1
   * @param param the parameter's name
   */
  public String errorText(int step, String param) {
    ParamEditor e = editor(step, param);
    String[] out = new String[1];
    onEdt(() -> out[0] = e.errorText());
    return out[0];
  }

  private ParamEditor editor(int step, String param) {
    ParamEditor e = editors.get(key(step, param));
    if (e == null) {
      throw new IllegalArgumentException("Studio: the recipe has no parameter '" + param + "' in step " + step);
    }
    return e;
  }

  /**
   * Waits until every change made so far is rendered (or rejected): the debounce pause, then the render
   * thread's queue, then the event thread's reports.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitIdle() throws InterruptedException {
    Thread.sleep(DEBOUNCE_MILLIS * 3L);
    onEdt(() -> {
      if (debounce.isRunning()) {
        debounce.stop();
        render();
      }
    });
    try {
      renderer.submit(() -> { }).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    onEdt(() -> { });
  }

  /** {@return the time of the last frame in milliseconds: recipe run plus hand-over to the panel} */
  public double lastFrameMillis() {
    return frameMillis;
  }

  /** {@return how many frames were rendered} */
  public long frames() {
    return frames;
  }

  /** {@return the preview panel} */
  public PreviewPanel panel() {
    return panel;
  }

  /** {@return the window} */
  public JFrame frame() {
    return frame;
  }

  /** {@return the recipe with the edited values} */
  public Recipe recipe() {
    try {
      return renderer.submit(session::recipe).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Studio.recipe: interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Writes the edited recipe as JSON and its last rendered result as PNG.
   *
   * @param json the recipe file to write
   * @param png the image file to write
   * @throws IOException if a file cannot be written
   * @throws IllegalStateException if nothing was rendered yet
   */
  public void save(Path json, Path png) throws IOException {
    Future<@Nullable Void> f = renderer.submit(() -> {
      Image out = session.lastOutput();
      if (out == null) {
        throw new IllegalStateException("Studio.save: nothing was rendered yet");
      }
      RecipeWriter.write(session.recipe(), json);
      Images.save(out, png);
      return null;
    });
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Studio.save: interrupted", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** The PNG written next to a recipe: {@code name.json} → {@code name.png}. */
  static Path pngFor(Path recipe) {
    String name = recipe.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return recipe.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
  }

  private void saveFromButton() {
    Path png = pngFor(recipeFile);
    Thread saver = new Thread(() -> {
      String message;
      try {
        save(recipeFile, png);
        message = "saved " + recipeFile.getFileName() + " and " + png.getFileName();
      } catch (IOException | RuntimeException e) {
        message = "save failed: " + e.getMessage();
      }
      String m = message;
      SwingUtilities.invokeLater(() -> timing.setText(m));
    }, "jimagecuda-studio-save");
    saver.start();
  }

  /**
   * Waits until the window is closed.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Closes the window, stops the render thread and frees the session's images. Any thread. */
  @Override
  public void close() {
    onEdt(frame::dispose);
    shutdown();
  }

  private void shutdown() {
    synchronized (this) {
      if (disposed) {
        return;
      }
      disposed = true;
    }
    debounce.stop();
    renderer.submit(session::close);
    renderer.shutdown();
    // Not on the event thread: a render in flight may be waiting for it to take its frame.
    Thread finish = new Thread(() -> {
      try {
        renderer.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      panel.close();
      closed.countDown();
    }, "jimagecuda-studio-close");
    finish.start();
  }

  private static void onEdt(Runnable r) {
    EventThread.run("Studio", r);
  }

}
