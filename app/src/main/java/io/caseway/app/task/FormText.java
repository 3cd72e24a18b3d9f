package io.caseway.app.task;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The text components of a form: the small part of Markdown that forms use (headings, paragraphs,
 * bullet lists, bold, italics, links) and {@code {{variable}}} placeholders filled from the form's
 * data. Everything is HTML-escaped first, so neither the form nor a variable can inject markup;
 * links are kept only when they point at https or at a path on this site.
 */
final class FormText {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])[*_](?![\\s*_])(.+?)(?<!\\s)[*_](?![\\w*])");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(((?:https://|/)[^)\\s\"]*)\\)");

  private FormText() {}

  static String toHtml(String markdown, Map<String, Object> data) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    StringBuilder paragraph = new StringBuilder();
    for (String line : fill(markdown, data).split("\\R")) {
      String l = line.strip();
      boolean item = l.startsWith("- ") || l.startsWith("* ");
      if (l.isEmpty() || l.startsWith("#") || item) {
        flush(html, paragraph);
      }
      if (inList && !item) {
        html.append("</ul>");
        inList = false;
      }
      if (l.isEmpty()) {
        continue;
      }
      if (l.startsWith("#")) {
        int level = (int) l.chars().takeWhile(c -> c == '#').count();
        String text = inline(l.substring(level).strip());
        html.append(level <= 2 ? "<h2 class=\"govuk-heading-m\">" + text + "</h2>"
            : "<h3 class=\"govuk-heading-s\">" + text + "</h3>");
      } else if (item) {
        if (!inList) {
          html.append("<ul class=\"govuk-list govuk-list--bullet\">");
          inList = true;
        }
        html.append("<li>").append(inline(l.substring(2).strip())).append("</li>");
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(l);
      }
    }
    flush(html, paragraph);
    if (inList) {
      html.append("</ul>");
    }
    return html.toString();
  }

  private static void flush(StringBuilder html, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      html.append("<p class=\"govuk-body\">").append(inline(paragraph.toString())).append("</p>");
      paragraph.setLength(0);
    }
  }

  /** Placeholders are filled before escaping, and their values escaped with the rest. */
  private static String fill(String text, Map<String, Object> data) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = lookup(m.group(1), data);
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : display(v)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String inline(String text) {
    String s = HtmlUtils.htmlEscape(text);
    s = LINK.matcher(s).replaceAll("<a class=\"govuk-link\" href=\"$2\">$1</a>");
    s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
    return ITALIC.matcher(s).replaceAll("<em>$1</em>");
  }

  private static Object lookup(String path, Map<String, Object> data) {
    Object v = data;
    for (String part : path.split("\\.")) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(part);
    }
    return v;
  }

  private static String display(Object v) {
    if (v instanceof List<?> list) {
      return String.join(", ", list.stream().map(FormText::display).toList());
    }
    return v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }
}
