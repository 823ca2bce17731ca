package dev.autogenerate.schema;

import java.util.Locale;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
  NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

  /** As SQL spells it: {@code set null}. */
  public String sql() {
    return name().replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
