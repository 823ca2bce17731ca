package dev.autogenerate.project;

import dev.autogenerate.compare.Risk;
import java.util.OptionalLong;

/**
 * A risky step and how many rows it concerns in the connected database (none when the count
 * could not be made).
 */
public record CountedRisk(Risk risk, OptionalLong rows) {

  /** {@code drop column users.nickname: dropping it deletes its values (rows holding a value: 12)}. */
  public String warning() {
    return risk.describe() + countText();
  }

  /** The line written above the step in the migration file. */
  public String note() {
    return "WARNING: " + risk.kind().consequence() + countText();
  }

  private String countText() {
    return rows.isPresent() ? " (" + risk.kind().counted() + ": " + rows.getAsLong() + ")" : " (rows not counted)";
  }
}
