package dev.autogenerate.project;

import dev.autogenerate.compare.Risk;
import java.util.OptionalLong;

/**
 * A risky step and how many rows it concerns in the connected database (none when the count
 * could not be made).
 *
 * @param typesEnforced whether the connected database holds values to their column's type; where
 *     not (SQLite), a risk that comes of the type says that it happens on PostgreSQL, where the
 *     same migration runs too
 */
public record CountedRisk(Risk risk, OptionalLong rows, boolean typesEnforced) {

  /** {@code drop column users.nickname: dropping it deletes its values (rows holding a value: 12)}. */
  public String warning() {
    return risk.describe() + countText() + remark();
  }

  /** The line written above the step in the migration file. */
  public String note() {
    return "WARNING: " + risk.kind().consequence() + countText() + remark();
  }

  private String countText() {
    return rows.isPresent() ? " (" + risk.kind().counted() + ": " + rows.getAsLong() + ")" : " (rows not counted)";
  }

  private String remark() {
    return typesEnforced || !risk.kind().byColumnType() ? ""
        : " - on PostgreSQL; SQLite keeps every value as it was";
  }
}
