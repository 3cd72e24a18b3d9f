package io.caseway.app.task;

import io.caseway.app.task.TaskForm.Field;
import io.caseway.app.task.TaskForm.Kind;
import io.caseway.app.task.TaskForm.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link TaskForm} with its values: those the task already has (to show the form), or those a
 * user submitted (to check them and complete the task). Conditions ({@code conditional.hide}) are
 * evaluated against the task's variables with the form's own values on top, as Tasklist does;
 * a hidden field is neither checked nor submitted.
 */
public final class FilledForm {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * One component as the page shows it. {@code time} is the time part of a date-and-time field;
   * {@code drivesConditions}: another component's condition reads this one's value, so the page
   * asks again which questions to show when it changes.
   */
  public record FieldView(Field field, boolean visible, String value, List<String> values, String time,
      List<Option> options, String html, String error, boolean drivesConditions) {

    public boolean isChecked(String option) {
      return values.contains(option);
    }
  }

  private final TaskForm form;
  private final List<FieldView> views;
  private final Map<String, Object> variables;
  private final Map<String, String> errors;

  private FilledForm(TaskForm form, List<FieldView> views, Map<String, Object> variables, Map<String, String> errors) {
    this.form = form;
    this.views = views;
    this.variables = variables;
    this.errors = errors;
  }

  /** The form as it opens: the task's values, or the components' defaults where the task has none. */
  public static FilledForm opened(TaskForm form, Map<String, Object> taskVariables, FormConditions conditions,
      ZoneId zone) {
    Map<String, Object> data = new LinkedHashMap<>(taskVariables);
    for (Field f : form.inputs()) {
      if (!data.containsKey(f.key()) && f.defaultValue() != null) {
        data.put(f.key(), f.defaultValue());
      }
    }
    return build(form, data, data, Map.of(), conditions, zone);
  }

  /**
   * The form as submitted: each visible field's value read from the request parameters
   * ({@code field.<key>}, and {@code field.<key>.time} for a time part) and checked.
   */
  public static FilledForm submitted(TaskForm form, Map<String, Object> taskVariables,
      Map<String, List<String>> params, FormConditions conditions, ZoneId zone) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> errors = new HashMap<>();
    for (Field f : form.inputs()) {
      if (f.readonly()) {
        continue;
      }
      try {
        Object v = read(f, params, zone);
        if (v != null) {
          values.put(f.key(), v);
        }
      } catch (IllegalArgumentException e) {
        errors.put(f.key(), e.getMessage());
        values.put(f.key(), raw(f, params));
      }
    }
    Map<String, Object> data = new LinkedHashMap<>(taskVariables);
    data.putAll(values);
    // a checkbox left unticked is false, as in Tasklist
    form.inputs().stream().filter(f -> f.kind() == Kind.CHECKBOX && !f.readonly())
        .forEach(f -> data.putIfAbsent(f.key(), false));
    Map<String, Object> output = new LinkedHashMap<>();
    Map<String, String> visibleErrors = new LinkedHashMap<>();
    for (Field f : form.inputs()) {
      if (f.readonly() || conditions.hidden(f, data)) {
        continue;
      }
      String error = errors.get(f.key());
      if (error == null) {
        error = check(f, data.get(f.key()), options(f, data));
      }
      if (error != null) {
        visibleErrors.put(f.key(), error);
      } else if (data.containsKey(f.key())) {
        output.put(f.key(), data.get(f.key()));
      }
    }
    return build(form, data, output, visibleErrors, conditions, zone);
  }

  private static FilledForm build(TaskForm form, Map<String, Object> data, Map<String, Object> variables,
      Map<String, String> errors, FormConditions conditions, ZoneId zone) {
    List<FieldView> views = new ArrayList<>();
    List<String> conditionsText = form.fields().stream().map(Field::hide).filter(java.util.Objects::nonNull).toList();
    for (Field f : form.fields()) {
      boolean visible = !conditions.hidden(f, data);
      Object v = data.get(f.key() == null ? "" : f.key());
      String value = f.kind() == Kind.DATETIME ? datePart(f, v, zone) : scalar(v);
      String time = f.kind() == Kind.DATETIME ? timePart(f, v, zone) : null;
      List<String> list = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
          : value == null ? List.of() : List.of(value);
      String html = f.kind() == Kind.TEXT ? FormText.toHtml(f.text(), data) : null;
      boolean drives = f.key() != null && conditionsText.stream()
          .anyMatch(c -> Pattern.compile("(?<![\\w.])" + Pattern.quote(f.key()) + "(?!\\w)").matcher(c).find());
      views.add(new FieldView(f, visible, value, list, time, options(f, data), html,
          f.key() == null ? null : errors.get(f.key()), drives));
    }
    return new FilledForm(form, List.copyOf(views), variables, Map.copyOf(errors));
  }

  public TaskForm form() {
    return form;
  }

  public List<FieldView> fields() {
    return views;
  }

  /** The problems found in a submission, by field key, in form order. */
  public Map<String, String> errors() {
    Map<String, String> ordered = new LinkedHashMap<>();
    views.stream().filter(v -> v.error() != null).forEach(v -> ordered.put(v.field().key(), v.error()));
    return ordered;
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  /** The variables a valid submission completes the task with: the visible fields' values. */
  public Map<String, Object> variables() {
    if (!isValid()) {
      throw new IllegalStateException("The form has errors: " + errors);
    }
    return variables;
  }

  private static List<Option> options(Field f, Map<String, Object> data) {
    if (f.valuesKey() == null) {
      return f.options();
    }
    Object v = data.get(f.valuesKey());
    List<Option> options = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("value") != null) {
          Object label = m.get("label");
          options.add(new Option(String.valueOf(label == null ? m.get("value") : label), String.valueOf(m.get("value"))));
        } else if (o != null && !(o instanceof Map<?, ?>)) {
          options.add(new Option(String.valueOf(o), String.valueOf(o)));
        }
      }
    }
    return List.copyOf(options);
  }

  private static Object read(Field f, Map<String, List<String>> params, ZoneId zone) {
    List<String> given = params.getOrDefault(f.inputName(), List.of());
    String first = given.isEmpty() ? null : given.get(0);
    String text = first == null || first.isBlank() ? null : first.strip();
    return switch (f.kind()) {
      case TEXTFIELD, TEXTAREA, RADIO, SELECT -> text;
      case CHECKBOX -> given.contains("true");
      case CHECKLIST -> given.stream().filter(s -> !s.isBlank()).distinct().toList();
      case NUMBER -> text == null ? null : number(text);
      case DATETIME -> dateTime(f, text, params.getOrDefault(f.inputName() + ".time", List.of()), zone);
      default -> null;
    };
  }

  private static Object raw(Field f, Map<String, List<String>> params) {
    List<String> given = params.getOrDefault(f.inputName(), List.of());
    return f.kind() == Kind.CHECKLIST ? given : given.isEmpty() ? null : given.get(0);
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.replace(" ", "").replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Enter a number, like 12 or 7.5");
    }
  }

  private static String dateTime(Field f, String date, List<String> timeParam, ZoneId zone) {
    String time = timeParam.isEmpty() || timeParam.get(0).isBlank() ? null : timeParam.get(0).strip();
    LocalDate d = null;
    LocalTime t = null;
    try {
      if (date != null) {
        d = LocalDate.parse(date);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Enter a real date, like 2027-03-15");
    }
    try {
      if (time != null) {
        t = LocalTime.parse(time);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Enter a real time, like 09:30");
    }
    switch (f.subtype()) {
      case "date" -> {
        return d == null ? null : d.toString();
      }
      case "time" -> {
        return date == null ? null : serialize(f, LocalDate.now(zone), LocalTime.parse(date), zone, true);
      }
      default -> {
        if (d == null && t == null) {
          return null;
        }
        if (d == null || t == null) {
          throw new IllegalArgumentException(d == null ? "Enter the date as well as the time" : "Enter the time as well as the date");
        }
        return serialize(f, d, t, zone, false);
      }
    }
  }

  private static String serialize(Field f, LocalDate d, LocalTime t, ZoneId zone, boolean timeOnly) {
    LocalDateTime local = LocalDateTime.of(d, t.withSecond(0).withNano(0));
    String text = switch (f.timeFormat()) {
      case "no_timezone" -> local.toString();
      case "utc_normalized" -> local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime() + "Z";
      default -> local.atZone(zone).toOffsetDateTime().toString();
    };
    return timeOnly ? text.substring(text.indexOf('T') + 1) : text;
  }

  private static String check(Field f, Object v, List<Option> options) {
    boolean empty = v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty())
        || (f.kind() == Kind.CHECKBOX && Boolean.FALSE.equals(v));
    String name = f.label() == null ? (f.dateLabel() == null ? f.key() : f.dateLabel()) : f.label();
    if (empty) {
      return f.required() ? (f.kind() == Kind.CHECKBOX ? "Tick \u201c" + name + "\u201d to go on"
          : f.kind().equals(Kind.RADIO) || f.kind() == Kind.SELECT || f.kind() == Kind.CHECKLIST
              ? "Choose an answer for \u201c" + name + "\u201d" : "Enter \u201c" + name + "\u201d") : null;
    }
    if (v instanceof String s) {
      if (f.minLength() != null && s.length() < f.minLength()) {
        return "\u201c" + name + "\u201d must be at least " + f.minLength() + " characters";
      }
      if (f.maxLength() != null && s.length() > f.maxLength()) {
        return "\u201c" + name + "\u201d must be " + f.maxLength() + " characters or fewer";
      }
      if (f.pattern() != null && !matches(f.pattern(), s)) {
        return "\u201c" + name + "\u201d is not in the expected format";
      }
      if ((f.kind() == Kind.RADIO || f.kind() == Kind.SELECT) && options.stream().noneMatch(o -> o.value().equals(s))) {
        return "Choose one of the answers given for \u201c" + name + "\u201d";
      }
    }
    if (v instanceof List<?> list && f.kind() == Kind.CHECKLIST) {
      for (Object item : list) {
        if (options.stream().noneMatch(o -> o.value().equals(item))) {
          return "Choose only the answers given for \u201c" + name + "\u201d";
        }
      }
    }
    if (v instanceof BigDecimal n) {
      if (f.min() != null && n.compareTo(f.min()) < 0) {
        return "\u201c" + name + "\u201d must be " + f.min().toPlainString() + " or more";
      }
      if (f.max() != null && n.compareTo(f.max()) > 0) {
        return "\u201c" + name + "\u201d must be " + f.max().toPlainString() + " or less";
      }
      if (f.decimalDigits() != null && n.stripTrailingZeros().scale() > f.decimalDigits()) {
        return "\u201c" + name + "\u201d may have at most " + f.decimalDigits() + " decimal places";
      }
    }
    return null;
  }

  private static boolean matches(String pattern, String s) {
    try {
      return Pattern.compile(pattern).matcher(s).matches();
    } catch (PatternSyntaxException e) {
      return true; // the form's own pattern is broken; Modeler would have flagged it, the value is not at fault
    }
  }

  private static String scalar(Object v) {
    if (v == null || v instanceof List<?> || v instanceof Map<?, ?>) {
      return null;
    }
    return v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }

  private static String datePart(Field f, Object v, ZoneId zone) {
    if (!(v instanceof String s) || s.isBlank()) {
      return null;
    }
    if (f.subtype().equals("time")) {
      return s.length() >= 5 ? s.substring(0, 5) : s;
    }
    return local(s, zone).map(dt -> dt.toLocalDate().toString()).orElse(s.length() >= 10 ? s.substring(0, 10) : s);
  }

  private static String timePart(Field f, Object v, ZoneId zone) {
    if (!f.subtype().equals("datetime") || !(v instanceof String s)) {
      return null;
    }
    return local(s, zone).map(dt -> dt.toLocalTime().format(MINUTES)).orElse(null);
  }

  private static java.util.Optional<LocalDateTime> local(String s, ZoneId zone) {
    try {
      return java.util.Optional.of(OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime());
    } catch (DateTimeParseException e) {
      try {
        return java.util.Optional.of(LocalDateTime.parse(s));
      } catch (DateTimeParseException e2) {
        return java.util.Optional.empty();
      }
    }
  }
}
