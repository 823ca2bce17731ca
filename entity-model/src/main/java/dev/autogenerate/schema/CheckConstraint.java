package dev.autogenerate.schema;

import java.util.List;

/** A check constraint; identified by its expression, compared after normalization. */
public record CheckConstraint(String name, String expression) implements TableConstraint {

  public CheckConstraint {
    Identifiers.requireValid(expression, "check expression");
  }

  /** {@code check("ck_users_age", "age >= 0")}. */
  public static CheckConstraint check(String name, String expression) {
    return new CheckConstraint(name, expression);
  }

  @Override
  public List<String> columns() {
    return List.of();
  }
}
