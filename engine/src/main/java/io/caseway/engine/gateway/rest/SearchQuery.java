package io.caseway.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One search request of the REST API v2 ({@code {filter, sort, page}}) applied to items already in
 * their response shape (JSON objects). A filter field names a response field (or a field the
 * resource adds only for filtering) and holds a value (equality) or an object of operators:
 * {@code $eq $neq $in $notIn $exists $gt $gte $lt $lte $like}. A response field holding an array
 * matches when one of its elements does. Numbers and keys compare as numbers, dates as instants.
 * Pages are {@code from}/{@code limit} or cursors ({@code after}/{@code before}, opaque strings
 * this class hands out).
 */
final class SearchQuery {
  static final int DEFAULT_LIMIT = 100;
  private static final Set<String> OPERATORS = Set.of("$eq", "$neq", "$in", "$notIn", "$exists", "$gt", "$gte",
      "$lt", "$lte", "$like");

  private final JsonNode filter;
  private final JsonNode sort;
  private final JsonNode page;

  private SearchQuery(JsonNode filter, JsonNode sort, JsonNode page) {
    this.filter = filter;
    this.sort = sort;
    this.page = page;
  }

  /**
   * Reads and checks the request: every filter field must be in {@code known} (the fields of the
   * client's filter type) and in {@code supported}; sort fields must be in {@code sortable}.
   */
  static SearchQuery parse(byte[] body, Set<String> known, Set<String> supported, Set<String> sortable) {
    JsonNode root = RestJson.tree(body);
    JsonNode filter = root.path("filter");
    if (!filter.isMissingNode() && !filter.isNull()) {
      if (!filter.isObject()) {
        throw RestProblem.badRequest("The field 'filter' has the wrong type: expected an object");
      }
      for (Iterator<String> names = filter.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          throw RestProblem.badRequest("Unknown filter field '" + name + "': expected one of " + new java.util.TreeSet<>(
              known));
        }
        if (!supported.contains(name) && !unset(filter.get(name))) {
          throw RestProblem.badRequest("The filter field '" + name + "' is not supported by the Caseway engine yet;"
              + " it filters on " + new java.util.TreeSet<>(supported));
        }
        JsonNode condition = filter.get(name);
        if (condition.isObject()) {
          for (Iterator<String> ops = condition.fieldNames(); ops.hasNext(); ) {
            String op = ops.next();
            if (!OPERATORS.contains(op)) {
              throw RestProblem.badRequest("Unknown operator '" + op + "' in filter field '" + name + "': expected one"
                  + " of " + new java.util.TreeSet<>(OPERATORS));
            }
          }
        }
      }
    }
    JsonNode sort = root.path("sort");
    if (!sort.isMissingNode() && !sort.isNull()) {
      if (!sort.isArray()) {
        throw RestProblem.badRequest("The field 'sort' has the wrong type: expected an array");
      }
      for (JsonNode s : sort) {
        String field = s.path("field").asText("");
        if (!sortable.contains(field)) {
          throw RestProblem.badRequest("Cannot sort by '" + field + "': expected one of " + new java.util.TreeSet<>(
              sortable));
        }
        String order = s.path("order").asText("ASC");
        if (!order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
          throw RestProblem.badRequest("Expected the sort order of '" + field + "' to be ASC or DESC, but it was '"
              + order + "'");
        }
      }
    }
    JsonNode page = root.path("page");
    if (!page.isMissingNode() && !page.isNull() && !page.isObject()) {
      throw RestProblem.badRequest("The field 'page' has the wrong type: expected an object");
    }
    return new SearchQuery(filter, sort, page);
  }

  /** The items that pass the filter, unsorted and unpaged (for aggregations such as statistics). */
  List<ObjectNode> matching(List<ObjectNode> items) {
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : items) {
      if (matches(item)) {
        matching.add(item);
      }
    }
    return matching;
  }

  /** Filters, sorts and pages {@code items}; {@code hidden} fields are used for filtering only. */
  ObjectNode answer(List<ObjectNode> items, Set<String> hidden) {
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : items) {
      if (matches(item)) {
        matching.add(item);
      }
    }
    if (sort.isArray() && !sort.isEmpty()) {
      Comparator<ObjectNode> order = null;
      for (JsonNode s : sort) {
        String field = s.path("field").asText();
        Comparator<ObjectNode> c = (a, b) -> compareNullsLast(a.get(field), b.get(field));
        if (s.path("order").asText("ASC").equalsIgnoreCase("DESC")) {
          Comparator<ObjectNode> asc = c;
          c = (a, b) -> {
            JsonNode x = a.get(field);
            JsonNode y = b.get(field);
            boolean xn = x == null || x.isNull();
            boolean yn = y == null || y.isNull();
            return xn || yn ? asc.compare(a, b) : -asc.compare(a, b);
          };
        }
        order = order == null ? c : order.thenComparing(c);
      }
      matching.sort(order);
    }
    int limit = page.path("limit").isIntegralNumber() ? Math.max(0, page.path("limit").intValue()) : DEFAULT_LIMIT;
    int start;
    int end;
    if (page.hasNonNull("after")) {
      start = cursor(page.get("after").asText()) + 1;
      end = Math.min(matching.size(), start + limit);
    } else if (page.hasNonNull("before")) {
      end = Math.min(matching.size(), cursor(page.get("before").asText()));
      start = Math.max(0, end - limit);
    } else {
      start = page.path("from").isIntegralNumber() ? Math.max(0, page.path("from").intValue()) : 0;
      end = Math.min(matching.size(), start + limit);
    }
    start = Math.min(start, matching.size());
    end = Math.max(start, end);
    ObjectNode result = RestJson.MAPPER.createObjectNode();
    ArrayNode out = result.putArray("items");
    for (ObjectNode item : matching.subList(start, end)) {
      ObjectNode copy = item.deepCopy();
      copy.remove(hidden);
      out.add(copy);
    }
    ObjectNode p = result.putObject("page");
    p.put("totalItems", matching.size());
    p.put("hasMoreTotalItems", false);
    if (end > start) {
      p.put("startCursor", cursor(start));
      p.put("endCursor", cursor(end - 1));
    } else {
      p.putNull("startCursor");
      p.putNull("endCursor");
    }
    return result;
  }

  private boolean matches(ObjectNode item) {
    if (!filter.isObject()) {
      return true;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = filter.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (unset(f.getValue())) {
        continue;
      }
      if (!holds(item.get(f.getKey()), f.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(JsonNode actual, JsonNode condition) {
    if (!condition.isObject()) {
      return equal(actual, condition);
    }
    for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
      Map.Entry<String, JsonNode> op = ops.next();
      JsonNode v = op.getValue();
      if (unset(v)) {
        continue; // the client sends operators it was not given as null or []
      }
      boolean ok = switch (op.getKey()) {
        case "$eq" -> equal(actual, v);
        case "$neq" -> !equal(actual, v);
        case "$in" -> v.isArray() && any(v, e -> equal(actual, e));
        case "$notIn" -> !v.isArray() || !any(v, e -> equal(actual, e));
        case "$exists" -> present(actual) == v.asBoolean();
        case "$gt" -> ordered(actual, v, c -> c > 0);
        case "$gte" -> ordered(actual, v, c -> c >= 0);
        case "$lt" -> ordered(actual, v, c -> c < 0);
        case "$lte" -> ordered(actual, v, c -> c <= 0);
        case "$like" -> like(actual, v.asText());
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The client sends empty lists (and nulls) for filters that were not set. */
  private static boolean unset(JsonNode condition) {
    return condition == null || condition.isNull() || (condition.isArray() && condition.isEmpty());
  }

  private static boolean any(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode e : array) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(JsonNode actual) {
    return actual != null && !actual.isNull() && !(actual.isArray() && actual.isEmpty());
  }

  private static boolean equal(JsonNode actual, JsonNode expected) {
    if (!present(actual)) {
      return expected == null || expected.isNull();
    }
    if (actual.isArray()) {
      return any(actual, e -> equal(e, expected));
    }
    if (expected.isNull()) {
      return false;
    }
    Integer c = compare(actual, expected);
    return c != null && c == 0;
  }

  private static boolean ordered(JsonNode actual, JsonNode bound, java.util.function.IntPredicate test) {
    if (!present(actual) || bound == null || bound.isNull()) {
      return false;
    }
    if (actual.isArray()) {
      return any(actual, e -> ordered(e, bound, test));
    }
    Integer c = compare(actual, bound);
    return c != null && test.test(c);
  }

  private static boolean like(JsonNode actual, String pattern) {
    if (!present(actual)) {
      return false;
    }
    if (actual.isArray()) {
      return any(actual, e -> like(e, pattern));
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (ch == '*') {
        regex.append(".*");
      } else if (ch == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.asText()).matches();
  }

  /** Compares two scalars: as numbers if both are numbers, as instants if both are dates, else as text. */
  private static Integer compare(JsonNode a, JsonNode b) {
    if (a.isBoolean() || b.isBoolean()) {
      return a.asText().equalsIgnoreCase(b.asText()) ? 0 : a.asText().compareTo(b.asText());
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    OffsetDateTime s = date(a);
    OffsetDateTime t = date(b);
    if (s != null && t != null) {
      return s.toInstant().compareTo(t.toInstant());
    }
    return a.asText().compareTo(b.asText());
  }

  private static int compareNullsLast(JsonNode a, JsonNode b) {
    boolean an = !present(a);
    boolean bn = !present(b);
    if (an || bn) {
      return an == bn ? 0 : an ? 1 : -1;
    }
    Integer c = compare(a, b);
    return c == null ? 0 : c;
  }

  private static BigDecimal number(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual() && n.textValue().matches("-?\\d{1,19}")) {
      return new BigDecimal(n.textValue());
    }
    return null;
  }

  private static OffsetDateTime date(JsonNode n) {
    if (!n.isTextual() || n.textValue().length() < 10 || !Character.isDigit(n.textValue().charAt(0))) {
      return null;
    }
    try {
      return OffsetDateTime.parse(n.textValue());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String cursor(int index) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("i:" + index).getBytes(StandardCharsets.UTF_8));
  }

  private static int cursor(String cursor) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (decoded.startsWith("i:")) {
        return Integer.parseInt(decoded.substring(2));
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw RestProblem.badRequest("The page cursor '" + cursor + "' is not one this engine handed out");
  }
}
