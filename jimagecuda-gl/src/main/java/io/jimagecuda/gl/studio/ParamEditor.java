package io.jimagecuda.gl.studio;

import io.jimagecuda.Rgba;
import io.jimagecuda.recipe.Param;
import io.jimagecuda.recipe.ParamRange;
import io.jimagecuda.recipe.ParamType;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JColorChooser;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JTextField;
import org.jspecify.annotations.Nullable;

/**
 * The control of one step parameter, made from its {@link Param} in the op vocabulary: a slider and a text
 * field for numbers with a {@link ParamRange} (a text field alone without one), a colour button and a text
 * field for colours, a drop-down for choices, a check box for booleans, a text field for strings, the id for
 * image operands (not editable). Below it, a label shows the library's error for the current value.
 * Every edit goes to the studio through {@code onChange}; a value the control cannot parse shows its error
 * at once.
 */
final class ParamEditor {
  private static final int SLIDER_STEPS = 1000;

  private final Param param;
  private final @Nullable ParamRange range;
  private final Consumer<@Nullable Object> onChange;
  private final JPanel component = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
  private final JLabel error = new JLabel();
  private @Nullable JSlider slider;
  private @Nullable JTextField text;
  private @Nullable JCheckBox check;
  private @Nullable JComboBox<String> choice;
  private @Nullable JButton swatch;
  private @Nullable Object value;
  private boolean updating;

  ParamEditor(String op, Param param, @Nullable Object initial, Consumer<@Nullable Object> onChange) {
    this.param = param;
    this.range = ParamRange.of(op, param.name()).orElse(null);
    this.onChange = onChange;
    this.value = initial;
    error.setForeground(new Color(0xC0, 0x20, 0x20));
    error.setName("error:" + param.name());
    component.setName("param:" + param.name());
    build();
    display(initial);
  }

  private void build() {
    switch (param.type()) {
      case IMAGE -> component.add(new JLabel(String.valueOf(value)));
      case BOOL -> {
        JCheckBox c = new JCheckBox();
        c.addActionListener(e -> changed(c.isSelected()));
        check = c;
        component.add(c);
      }
      case CHOICE -> {
        JComboBox<String> c = new JComboBox<>(param.choices().toArray(new String[0]));
        c.addActionListener(e -> changed(c.getSelectedItem()));
        choice = c;
        component.add(c);
      }
      case INT, FLOAT -> {
        if (range != null) {
          JSlider s = new JSlider(0, SLIDER_STEPS);
          s.setPreferredSize(new Dimension(150, s.getPreferredSize().height));
          s.addChangeListener(e -> {
            if (!updating) {
              changed(fromSlider(s.getValue()));
            }
          });
          slider = s;
          component.add(s);
        }
        component.add(textField(7));
      }
      case RGBA, RGB -> {
        JButton b = new JButton();
        b.setPreferredSize(new Dimension(28, 20));
        b.addActionListener(e -> pickColour(b));
        swatch = b;
        component.add(b);
        component.add(textField(16));
      }
      default -> component.add(textField(24)); // strings (and types added to the format later)
    }
  }

  private JTextField textField(int columns) {
    JTextField t = new JTextField(columns);
    t.addActionListener(e -> parseText());
    t.addFocusListener(new java.awt.event.FocusAdapter() {
      @Override
      public void focusLost(java.awt.event.FocusEvent e) {
        parseText();
      }
    });
    text = t;
    return t;
  }

  private void pickColour(JButton b) {
    Color initial = b.getBackground();
    Color c = JColorChooser.showDialog(component, param.name(), initial);
    if (c != null) {
      float a = param.type() == ParamType.RGBA ? c.getAlpha() / 255f : 1f;
      Object v = param.type() == ParamType.RGBA ? new Rgba(c.getRed() / 255f, c.getGreen() / 255f,
          c.getBlue() / 255f, a) : new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f};
      changed(v);
    }
  }

  private Object fromSlider(int position) {
    ParamRange r = range;
    double v = r.min() + (r.max() - r.min()) * position / SLIDER_STEPS;
    if (param.type() == ParamType.INT) {
      return (int) Math.round(v);
    }
    return Math.round(v * 1000) / 1000.0;
  }

  /** Parses the text field; shows the parse error, or applies the value. */
  private void parseText() {
    JTextField t = text;
    if (t == null || updating) {
      return;
    }
    String s = t.getText().trim();
    Object parsed;
    try {
      parsed = parse(s);
    } catch (IllegalArgumentException e) {
      showError(e.getMessage());
      return;
    }
    if (!java.util.Objects.deepEquals(parsed, value)) {
      changed(parsed);
    }
  }

  private @Nullable Object parse(String s) {
    if (s.isEmpty() || s.equals("null")) {
      if (param.nullable()) {
        return null;
      }
      if (param.type() != ParamType.INT && param.type() != ParamType.FLOAT && param.type() != ParamType.RGBA
          && param.type() != ParamType.RGB) {
        return s;
      }
      throw new IllegalArgumentException(param.name() + " must be " + param.expected());
    }
    try {
      switch (param.type()) {
        case INT -> {
          return Integer.parseInt(s);
        }
        case FLOAT -> {
          double d = Double.parseDouble(s);
          if (!Double.isFinite(d)) {
            throw new NumberFormatException();
          }
          return d;
        }
        case RGBA, RGB -> {
          String[] parts = s.replace("[", "").replace("]", "").split("[,\\s]+");
          int n = param.type() == ParamType.RGBA ? 4 : 3;
          if (parts.length != n) {
            throw new NumberFormatException();
          }
          float[] f = new float[n];
          for (int i = 0; i < n; i++) {
            f[i] = Float.parseFloat(parts[i]);
          }
          return n == 4 ? new Rgba(f[0], f[1], f[2], f[3]) : f;
        }
        default -> {
          return s;
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(param.name() + " must be " + param.expected() + ", got '" + s + "'");
    }
  }

  private void changed(@Nullable Object v) {
    value = v;
    display(v);
    onChange.accept(v);
  }

  /** Shows {@code v} in the widgets without reporting a change. */
  void display(@Nullable Object v) {
    value = v;
    updating = true;
    try {
      if (check != null && v instanceof Boolean b) {
        check.setSelected(b);
      }
      if (choice != null && v != null) {
        choice.setSelectedItem(v);
      }
      if (slider != null && range != null && v instanceof Number n) {
        double f = (n.doubleValue() - range.min()) / (range.max() - range.min());
        slider.setValue((int) Math.round(Math.max(0, Math.min(1, f)) * SLIDER_STEPS));
      }
      if (swatch != null && v != null) {
        float[] c = v instanceof Rgba rgba ? rgba.toArray() : (float[]) v;
        swatch.setBackground(new Color(unit(c[0]), unit(c[1]), unit(c[2]), c.length == 4 ? unit(c[3]) : 1f));
      }
      if (text != null) {
        text.setText(format(v));
      }
    } finally {
      updating = false;
    }
  }

  private static float unit(float v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String format(@Nullable Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Rgba c) {
      return String.format(Locale.ROOT, "%s %s %s %s", num(c.r()), num(c.g()), num(c.b()), num(c.a()));
    }
    if (v instanceof float[] f) {
      return String.format(Locale.ROOT, "%s %s %s", num(f[0]), num(f[1]), num(f[2]));
    }
    if (v instanceof Double d) {
      return num(d);
    }
    return v.toString();
  }

  private static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e9) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  /** Shows the library's (or the parser's) error under the control; {@code null} hides it. */
  void showError(@Nullable String message) {
    error.setText(message == null ? "" : "<html>" + escape(message) + "</html>");
    error.setVisible(message != null);
    component.setBorder(message == null ? null : BorderFactory.createLineBorder(new Color(0xC0, 0x20, 0x20)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@return the error shown, or an empty string} */
  String errorText() {
    return error.isVisible() ? error.getText().replace("<html>", "").replace("</html>", "") : "";
  }

  /** {@return the parameter} */
  Param param() {
    return param;
  }

  /** {@return the value shown} */
  @Nullable Object value() {
    return value;
  }

  /** Sets the value as a user would: widgets updated, change reported. */
  void apply(@Nullable Object v) {
    changed(v);
  }

  JComponent component() {
    return component;
  }

  JLabel errorLabel() {
    return error;
  }
}
