package io.caseway.engine.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small reader for {@code multipart/form-data} bodies (RFC 7578), enough for deployments. */
final class Multipart {
  /** One form field: its name, the file name if it is a file, and its bytes. */
  record Part(String name, String filename, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = parameters(contentType == null ? "" : contentType).get("boundary");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw RestProblem.unsupportedMediaType("Expected a multipart/form-data body with the resources to deploy, but"
          + " the content type was " + (contentType == null ? "not given" : "'" + contentType + "'"));
    }
    if (boundary == null || boundary.isEmpty()) {
      throw RestProblem.badRequest("Expected a boundary parameter in the multipart/form-data content type, but"
          + " there was none");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw malformed("the boundary '" + boundary + "' does not occur in the body");
    }
    pos += delimiter.length;
    List<Part> parts = new ArrayList<>();
    while (!startsWith(body, pos, "--")) {
      while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
        pos++; // transport padding after a delimiter
      }
      if (!startsWith(body, pos, "\r\n")) {
        throw malformed("a boundary line is not followed by a line break");
      }
      pos += 2;
      int contentStart;
      String headers;
      if (startsWith(body, pos, "\r\n")) {
        headers = "";
        contentStart = pos + 2;
      } else {
        int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
        if (headerEnd < 0) {
          throw malformed("a part's headers do not end with an empty line");
        }
        headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
        contentStart = headerEnd + 4;
      }
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw malformed("a part is not closed by the boundary '" + boundary + "'");
      }
      Part part = part(headers, Arrays.copyOfRange(body, contentStart, contentEnd));
      if (part != null) {
        parts.add(part);
      }
      pos = contentEnd + next.length;
    }
    return parts;
  }

  private static Part part(String headers, byte[] content) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        Map<String, String> p = parameters(line.substring(colon + 1));
        if (p.get("name") == null) {
          throw malformed("a part's Content-Disposition has no name");
        }
        return new Part(p.get("name"), p.get("filename"), content);
      }
    }
    return null; // a part without a disposition is no form field
  }

  /** The parameters of a header value like {@code form-data; name="x"; filename="a b.bpmn"} (keys lower case). */
  static Map<String, String> parameters(String value) {
    Map<String, String> result = new LinkedHashMap<>();
    int i = value.indexOf(';');
    while (i >= 0 && i < value.length()) {
      i++;
      int eq = value.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < value.length() && value.charAt(j) == ' ') {
        j++;
      }
      StringBuilder v = new StringBuilder();
      if (j < value.length() && value.charAt(j) == '"') {
        j++;
        while (j < value.length() && value.charAt(j) != '"') {
          char c = value.charAt(j++);
          if (c == '\\' && j < value.length()) {
            c = value.charAt(j++);
          }
          v.append(c);
        }
        j++; // closing quote
        int semi = value.indexOf(';', j);
        i = semi < 0 ? value.length() : semi;
      } else {
        int semi = value.indexOf(';', j);
        int end = semi < 0 ? value.length() : semi;
        v.append(value, j, end);
        i = end;
      }
      result.putIfAbsent(key, v.toString().trim());
      if (i >= value.length()) {
        break;
      }
    }
    return result;
  }

  private static RestProblem malformed(String why) {
    return RestProblem.badRequest("The multipart/form-data body is malformed: " + why);
  }

  private static boolean startsWith(byte[] body, int pos, String prefix) {
    if (pos + prefix.length() > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (body[pos + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
