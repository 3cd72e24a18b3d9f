package io.caseway.app.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Plain words for what the pages show: enum names become sentences, dates are written out. */
final class Labels {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Labels() {}

  /** {@code INTERDISCIPLINARY_UNIT} becomes "Interdisciplinary unit". */
  static String of(Enum<?> value) {
    if (value == null) {
      return "";
    }
    return of(value.name());
  }

  /** The same for an enum's name as the database keeps it. */
  static String of(String enumName) {
    if (enumName == null || enumName.isEmpty()) {
      return "";
    }
    String words = enumName.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\bgp\\b", "GP");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The day of an instant (UTC), written out. */
  static String date(java.time.Instant at) {
    return at == null ? "" : date(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
