package dev.autogenerate.database;

import dev.autogenerate.compare.Risk;
import java.sql.Connection;
import java.util.OptionalLong;

/**
 * A risky step and how many rows it concerns in the connected database (none, and why, when the
 * count could not be made).
 *
 * @param atLeast whether the count stopped at a limit, so that there may be more rows
 * @param remark what the connected database does otherwise than the warning says (SQLite, which
 *     does not enforce column types), appended to it: the same migration runs on PostgreSQL too
 */
public record CountedRisk(Risk risk, RowCount count, boolean atLeast, String remark) {

  /**
   * The risk with its rows counted in the connected database, within what is left of the
   * command's budget, and what that database adds to it.
   */
  public static CountedRisk of(Connection connection, Database database, Risk risk, CountBudget budget) {
    return new CountedRisk(risk, RowCounts.count(connection, database, risk, 0, budget.next()), false,
        remark(connection, database, risk));
  }

  /** The same, counting at most {@code limit} rows (for a risk that {@link Risk.Kind#changesDataWithoutError}). */
  public static CountedRisk upTo(Connection connection, Database database, Risk risk, long limit, CountBudget budget) {
    if (limit <= 0) {
      throw new IllegalArgumentException("a count up to " + limit + " rows");
    }
    RowCount count = RowCounts.count(connection, database, risk, limit, budget.next());
    return new CountedRisk(risk, count, count.rows().isPresent() && count.rows().getAsLong() >= limit,
        remark(connection, database, risk));
  }

  /** What the database adds; for a time-zone change, the zone this session converts in. */
  private static String remark(Connection connection, Database database, Risk risk) {
    String zone = risk.kind() == Risk.Kind.TIME_ZONE
        ? database.sessionTimeZone(connection).map(name -> " (this session's time zone: " + name + ")").orElse("")
        : "";
    return zone + database.riskRemark(risk);
  }

  /** The rows counted, or none. */
  public OptionalLong rows() {
    return count.rows();
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
    OptionalLong rows = rows();
    return rows.isEmpty() ? " (rows not counted" + (count.notCounted().isEmpty() ? "" : ": " + count.notCounted()) + ")"
        : " (" + risk.kind().counted() + ": " + rows.getAsLong() + (atLeast ? " or more" : "") + ")";
  }
}
