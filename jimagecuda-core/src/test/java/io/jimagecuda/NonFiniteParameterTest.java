package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN and ±∞ are refused with {@link IllegalArgumentException} in every colour and float parameter of
 * every public operation of every family, and in every float component of their options records, with a
 * message that names the parameter. Found by reflection, so a new operation is covered without a new test.
 */
class NonFiniteParameterTest {
  static Stream<Class<?>> families() {
    return Stream.of(Fill.class, Adjust.class, Blend.class, Filter.class, Transform.class, Resize.class,
        Effect.class);
  }

  private static final float[] BAD = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

  /** A valid argument of {@code type}, or {@code null} when the test cannot make one. */
  private static Object valid(Class<?> type, List<ImageBase> created) throws ReflectiveOperationException {
    if (type == Image.class) {
      Image img = new Image(16, 16, BackendKind.CPU);
      Fill.color(img, new Rgba(0.5f, 0.4f, 0.3f, 0.8f));
      created.add(img);
      return img;
    }
    if (type == ImageU8.class) {
      ImageU8 img = new ImageU8(16, 16, BackendKind.CPU);
      created.add(img);
      return img;
    }
    if (type == int.class) {
      return 1;
    }
    if (type == float.class) {
      return 0.5f;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == Rgba.class) {
      return new Rgba(0.2f, 0.4f, 0.6f, 1);
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type.isRecord()) {
      try {
        return type.getField("DEFAULTS").get(null);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }
    return null;
  }

  /** One case: an operation, the index of the argument to spoil, and how (a float, a colour, a record component). */
  record Case(Method method, int arg, String component, float bad, boolean colour) {
    @Override
    public String toString() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName() + " arg " + arg
          + (component.isEmpty() ? "" : "." + component) + (colour ? " (colour)" : "") + " = " + bad;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    families().forEach(f -> {
      for (Method m : f.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != f) {
          continue;
        }
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
          for (float bad : BAD) {
            if (types[i] == float.class) {
              cases.add(new Case(m, i, "", bad, false));
            } else if (types[i] == Rgba.class) {
              cases.add(new Case(m, i, "", bad, true));
            } else if (types[i].isRecord()) {
              for (RecordComponent c : types[i].getRecordComponents()) {
                if (c.getType() == float.class) {
                  cases.add(new Case(m, i, c.getName(), bad, false));
                } else if (c.getType() == Rgba.class) {
                  cases.add(new Case(m, i, c.getName(), bad, true));
                }
              }
            }
          }
        }
      }
    });
    return cases.stream();
  }

  private static Object spoil(Object record, String component, Object value) throws ReflectiveOperationException {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
    }
    var ctor = record.getClass().getDeclaredConstructor(types);
    ctor.setAccessible(true);
    return ctor.newInstance(values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nonFiniteValuesAreRefusedWithTheParameterName(Case c) throws Exception {
    List<ImageBase> created = new ArrayList<>();
    try {
      Class<?>[] types = c.method().getParameterTypes();
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = valid(types[i], created);
        if (args[i] == null) {
          return; // an argument this test cannot make (an array, a callback): covered by the family's tests
        }
      }
      Object bad = c.colour() ? new Rgba(0.5f, c.bad(), 0.5f, 1) : c.bad();
      if (Float.isNaN(c.bad()) && c.method().getName().startsWith("zoom") && c.component().startsWith("center")) {
        return; // NaN is Transform.Zoom's documented "image centre" sentinel; infinities are still refused
      }
      String name;
      if (c.component().isEmpty()) {
        args[c.arg()] = bad;
        name = null;
      } else {
        try {
          args[c.arg()] = spoil(args[c.arg()], c.component(), bad);
        } catch (InvocationTargetException e) {
          // the record's own constructor refused the value: the check is at the API boundary already
          assertTrue(e.getCause() instanceof IllegalArgumentException, c + ": " + e.getCause());
          assertTrue(e.getCause().getMessage().contains(c.component()), c + ": " + e.getCause().getMessage());
          return;
        }
        name = c.component();
      }
      try {
        c.method().invoke(null, args);
        fail(c + " was accepted");
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        if (!(t instanceof IllegalArgumentException)) {
          throw new AssertionError(c + " threw " + t, t);
        }
        String m = t.getMessage();
        assertTrue(m.contains("finite") || m.contains("NaN") || m.contains("Infinity"), c + ": " + m);
        if (name != null) {
          assertTrue(m.contains(name), c + ": the message does not name " + name + ": " + m);
        }
      }
    } finally {
      created.forEach(ImageBase::free);
    }
  }
}
