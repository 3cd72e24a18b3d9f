package io.caseway.engine.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for the REST gateway: request bodies into the client's generated DTOs, with a 400 problem
 * naming the field when a value has the wrong type; responses out of them. Decimal numbers in
 * variables stay exact (BigDecimal, written plain).
 */
final class RestJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private RestJson() {}

  /** Reads a request body; an empty body is the DTO with its defaults unless {@code required}. */
  static <T> T read(byte[] body, Class<T> type, boolean required) {
    if (isBlank(body)) {
      if (required) {
        throw RestProblem.badRequest("Expected a JSON object as the request body, but the body was empty");
      }
      body = "{}".getBytes();
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /** Reads a request body as a tree (for bodies whose keys matter, like a changeset). */
  static JsonNode tree(byte[] body) {
    if (isBlank(body)) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (!node.isObject()) {
        throw RestProblem.badRequest("Expected a JSON object as the request body, but it was " + kind(node));
      }
      return node;
    } catch (IOException e) {
      throw problem(e);
    }
  }

  static String kind(JsonNode node) {
    return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
        : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "an object";
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the response as JSON", e);
    }
  }

  /** Variables from a request as the engine's JSON document, or null when none were given. */
  static String document(Map<String, Object> variables) {
    if (variables == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw RestProblem.badRequest("The variables cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  /** The engine's JSON document of variables as a map for a response. */
  static Map<String, Object> variables(String document) {
    if (document == null || document.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return MAPPER.readValue(document, MAP);
    } catch (IOException e) {
      throw new IllegalStateException("The engine produced variables that are not a JSON object: " + document, e);
    }
  }

  /** A map of string values (custom headers) as a map of objects for a response. */
  static Map<String, Object> strings(Map<String, String> values) {
    return values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static RestProblem problem(IOException e) {
    if (e instanceof MismatchedInputException m) {
      String field = path(m);
      if (field.isEmpty()) {
        return RestProblem.badRequest("Expected a JSON object as the request body, but it was something else");
      }
      return RestProblem.badRequest("The field '" + field + "' has the wrong type: expected " + describe(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
      return RestProblem.badRequest("The field '" + path(m) + "' is invalid: " + m.getOriginalMessage());
    }
    if (e instanceof StreamReadException r) {
      var at = r.getLocation();
      return RestProblem.badRequest("The request body is not valid JSON: " + r.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    return RestProblem.badRequest("The request body could not be read: " + e.getMessage());
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean (true or false)";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return "an object";
  }
}
