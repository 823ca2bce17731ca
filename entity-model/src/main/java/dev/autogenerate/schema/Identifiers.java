package dev.autogenerate.schema;

/** Checks on names of tables, columns and constraints, shared by the model's records. */
final class Identifiers {

  private Identifiers() {}

  static void requireValid(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
