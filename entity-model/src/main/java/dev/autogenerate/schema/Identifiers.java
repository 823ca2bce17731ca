package dev.autogenerate.schema;

import java.util.List;

/** Checks on names of tables, columns and constraints, shared by the model's records. */
final class Identifiers {

  private Identifiers() {}

  static void requireValid(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  static List<String> requireColumns(List<String> columns, String what) {
    List<String> copy = List.copyOf(columns);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " needs at least one column");
    }
    copy.forEach(column -> requireValid(column, what + " column"));
    return copy;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
