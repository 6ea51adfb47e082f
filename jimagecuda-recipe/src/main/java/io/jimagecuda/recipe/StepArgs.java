package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.Rgba;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one step as a binding sees them: typed getters by parameter name, with image ids
 * already resolved to images. The parser has checked the types, so a getter that does not match the
 * op's signature is a bug in the binding and throws {@link IllegalStateException}.
 */
public final class StepArgs {
  private final Recipe.Step step;
  private final Map<String, Image> images;
  private final BackendKind backend;

  StepArgs(Recipe.Step step, Map<String, Image> images) {
    this(step, images, JImageCuda.defaultBackend());
  }

  StepArgs(Recipe.Step step, Map<String, Image> images, BackendKind backend) {
    this.step = step;
    this.images = images;
    this.backend = backend;
  }

  /** {@return the backend the recipe runs on, where an op that makes an image from nothing puts it} */
  public BackendKind backend() {
    return backend;
  }

  /**
   * {@return a {@link ParamType#STRING} parameter}
   *
   * @param param the parameter's name in the op's signature
   */
  public String string(String param) {
    return get(param, ParamType.STRING, String.class);
  }

  /**
   * {@return the image named by an {@link ParamType#IMAGE} parameter}
   *
   * @param param the parameter's name in the op's signature
   */
  public Image image(String param) {
    String id = get(param, ParamType.IMAGE, String.class);
    Image img = images.get(id);
    if (img == null) {
      throw new IllegalStateException(step.where() + ": image '" + id + "' is not defined");
    }
    return img;
  }

  /**
   * {@return an {@link ParamType#INT} parameter}
   *
   * @param param the parameter's name in the op's signature
   */
  public int i32(String param) {
    return get(param, ParamType.INT, Integer.class);
  }

  /**
   * {@return a nullable {@link ParamType#INT} parameter; {@code null} stands for Python {@code None}}
   *
   * @param param the parameter's name in the op's signature
   */
  public @Nullable Integer i32OrNull(String param) {
    return getOrNull(param, ParamType.INT, Integer.class);
  }

  /**
   * {@return a {@link ParamType#FLOAT} parameter, rounded to float as the reference passes it to its kernels}
   *
   * @param param the parameter's name in the op's signature
   */
  public float f32(String param) {
    return get(param, ParamType.FLOAT, Double.class).floatValue();
  }

  /**
   * {@return a nullable {@link ParamType#FLOAT} parameter; {@code null} stands for Python {@code None}}
   *
   * @param param the parameter's name in the op's signature
   */
  public @Nullable Float f32OrNull(String param) {
    Double v = getOrNull(param, ParamType.FLOAT, Double.class);
    return v == null ? null : v.floatValue();
  }

  /**
   * {@return a {@link ParamType#BOOL} parameter}
   *
   * @param param the parameter's name in the op's signature
   */
  public boolean bool(String param) {
    return get(param, ParamType.BOOL, Boolean.class);
  }

  /**
   * {@return an {@link ParamType#RGBA} parameter}
   *
   * @param param the parameter's name in the op's signature
   */
  public Rgba rgba(String param) {
    return get(param, ParamType.RGBA, Rgba.class);
  }

  /**
   * {@return an {@link ParamType#RGB} parameter as a new array {@code {r, g, b}}}
   *
   * @param param the parameter's name in the op's signature
   */
  public float[] rgb(String param) {
    return get(param, ParamType.RGB, float[].class).clone();
  }

  /**
   * {@return a {@link ParamType#CHOICE} parameter: one of the strings the signature allows}
   *
   * @param param the parameter's name in the op's signature
   */
  public String choice(String param) {
    return get(param, ParamType.CHOICE, String.class);
  }

  private <T> T get(String param, ParamType type, Class<T> javaType) {
    T v = getOrNull(param, type, javaType);
    if (v == null) {
      throw new IllegalStateException(step.where() + ": parameter '" + param + "' is null; read it with a "
          + "*OrNull getter");
    }
    return v;
  }

  private <T> @Nullable T getOrNull(String param, ParamType type, Class<T> javaType) {
    Param p = step.op().param(param).orElseThrow(() -> new IllegalStateException(
        step.where() + ": the op has no parameter '" + param + "'"));
    if (p.type() != type) {
      throw new IllegalStateException(step.where() + ": parameter '" + param + "' is " + p.type()
          + ", not " + type);
    }
    return javaType.cast(step.args().get(param));
  }
}
