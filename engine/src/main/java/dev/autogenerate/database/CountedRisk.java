package dev.autogenerate.database;

import dev.autogenerate.compare.Risk;
import java.sql.Connection;
import java.util.OptionalLong;

/**
 * A risky step and how many rows it concerns in the connected database (none when the count
 * could not be made).
 *
 * @param atLeast whether the count stopped at a limit, so that there may be more rows
 * @param remark what the connected database does otherwise than the warning says (SQLite, which
 *     does not enforce column types), appended to it: the same migration runs on PostgreSQL too
 */
public record CountedRisk(Risk risk, OptionalLong rows, boolean atLeast, String remark) {

  /**
   * The risk with its rows counted in the connected database, within what is left of the
   * command's budget, and what that database adds to it.
   */
  public static CountedRisk of(Connection connection, Database database, Risk risk, CountBudget budget) {
    return new CountedRisk(risk, RowCounts.count(connection, database, risk, budget.next()), false,
        database.riskRemark(risk));
  }

  /** The same, counting at most {@code limit} rows (for a risk that {@link Risk.Kind#destroysData}). */
  public static CountedRisk upTo(Connection connection, Database database, Risk risk, long limit, CountBudget budget) {
    OptionalLong rows = RowCounts.countUpTo(connection, database, risk, limit, budget.next());
    return new CountedRisk(risk, rows, rows.isPresent() && rows.getAsLong() >= limit, database.riskRemark(risk));
  }

  /** {@code drop column users.nickname: dropping it deletes its values (rows holding a value: 12)}. */
  public String warning() {
    return risk.describe() + countText() + remark;
  }

  /** The line written above the step in the migration file. */
  public String note() {
    return "WARNING: " + risk.kind().consequence() + countText() + remark;
  }

  private String countText() {
    return rows.isEmpty() ? " (rows not counted)"
        : " (" + risk.kind().counted() + ": " + rows.getAsLong() + (atLeast ? " or more" : "") + ")";
  }
}
