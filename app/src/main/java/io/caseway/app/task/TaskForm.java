package io.caseway.app.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Camunda Form: the {@code .form} JSON that Camunda Modeler writes and Tasklist shows, read so
 * that Caseway's own pages can show the same form. The components Caseway's forms use are
 * understood (text, text field, text area, number, checkbox, checklist, radio, select, date and
 * time, separator, spacer); any other component is listed in {@link #unsupported()} so the page can
 * say plainly that the form must be completed in Tasklist instead of silently dropping a field.
 */
public record TaskForm(String formId, List<Field> fields, List<String> unsupported) {

  /** The kinds of component Caseway renders. */
  public enum Kind {
    TEXT, TEXTFIELD, TEXTAREA, NUMBER, CHECKBOX, CHECKLIST, RADIO, SELECT, DATETIME, SEPARATOR, SPACER;

    /** Whether the component holds a value the user enters. */
    public boolean isInput() {
      return this != TEXT && this != SEPARATOR && this != SPACER;
    }
  }

  /** One choice of a radio, select or checklist. */
  public record Option(String label, String value) {}

  /**
   * One component. {@code hide} is the FEEL condition ({@code conditional.hide}) without its
   * leading {@code =}, or null; {@code valuesKey} names the variable holding the options when they
   * are not static; {@code subtype} is date, time or datetime for {@link Kind#DATETIME}, and
   * {@code timeFormat} how its time is written: utc_offset, utc_normalized or no_timezone.
   */
  public record Field(Kind kind, String id, String key, String label, String description, boolean required,
      List<Option> options, String valuesKey, String hide, String text, String subtype, Integer minLength,
      Integer maxLength, BigDecimal min, BigDecimal max, String pattern, Integer decimalDigits, Object defaultValue,
      String dateLabel, String timeLabel, String timeFormat, boolean readonly) {

    /** The name of the HTML input (or the first of two, for date and time). */
    public String inputName() {
      return "field." + key;
    }

    public boolean isInput() {
      return kind.isInput();
    }
  }

  private static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("text", Kind.TEXT),
      Map.entry("textfield", Kind.TEXTFIELD), Map.entry("textarea", Kind.TEXTAREA), Map.entry("number", Kind.NUMBER),
      Map.entry("checkbox", Kind.CHECKBOX), Map.entry("checklist", Kind.CHECKLIST), Map.entry("radio", Kind.RADIO),
      Map.entry("select", Kind.SELECT), Map.entry("datetime", Kind.DATETIME), Map.entry("separator", Kind.SEPARATOR),
      Map.entry("spacer", Kind.SPACER));
  private static final Set<String> DATE_SUBTYPES = Set.of("date", "time", "datetime");

  /** Reads a form schema; throws {@link IllegalArgumentException} naming the component that is malformed. */
  public static TaskForm parse(JsonNode schema) {
    if (schema == null || !schema.isObject() || !schema.path("components").isArray()) {
      throw new IllegalArgumentException("The form has no components array");
    }
    List<Field> fields = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    int index = 0;
    for (JsonNode c : schema.path("components")) {
      index++;
      String type = c.path("type").asText("");
      String id = c.path("id").asText("Component_" + index);
      Kind kind = KINDS.get(type);
      if (kind == null) {
        unsupported.add(type.isEmpty() ? "component " + index + " without a type" : type + " (" + id + ")");
        continue;
      }
      String key = text(c, "key");
      if (kind.isInput() && (key == null || key.isBlank())) {
        throw new IllegalArgumentException("Form component " + id + " (" + type + ") has no key");
      }
      String subtype = kind == Kind.DATETIME ? c.path("subtype").asText("date") : null;
      if (subtype != null && !DATE_SUBTYPES.contains(subtype)) {
        unsupported.add("datetime subtype " + subtype + " (" + id + ")");
        continue;
      }
      JsonNode validate = c.path("validate");
      String hide = text(c.path("conditional"), "hide");
      fields.add(new Field(kind, id, key, text(c, "label"), text(c, "description"),
          validate.path("required").asBoolean(false), options(c.path("values")), text(c, "valuesKey"),
          hide == null || hide.isBlank() ? null : hide.strip().replaceFirst("^=", ""), text(c, "text"), subtype,
          integer(validate, "minLength"), integer(validate, "maxLength"), decimal(validate, "min"),
          decimal(validate, "max"), text(validate, "pattern"), integer(c, "decimalDigits"),
          c.has("defaultValue") ? defaultValue(c.get("defaultValue")) : null, text(c, "dateLabel"),
          text(c, "timeLabel"), c.path("timeSerializingFormat").asText("utc_offset"), c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)));
    }
    return new TaskForm(schema.path("id").asText(null), List.copyOf(fields), List.copyOf(unsupported));
  }

  /** The components that hold values, in form order. */
  public List<Field> inputs() {
    return fields.stream().filter(Field::isInput).toList();
  }

  private static List<Option> options(JsonNode values) {
    List<Option> options = new ArrayList<>();
    for (JsonNode v : values) {
      options.add(new Option(v.path("label").asText(v.path("value").asText()), v.path("value").asText()));
    }
    return List.copyOf(options);
  }

  private static Object defaultValue(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isArray()) {
      List<String> list = new ArrayList<>();
      v.forEach(x -> list.add(x.asText()));
      return List.copyOf(list);
    }
    return v.isNull() ? null : v.asText();
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || !v.canConvertToInt() ? null : v.intValue();
  }

  private static BigDecimal decimal(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || !v.isNumber() ? null : v.decimalValue();
  }
}
