package dev.autogenerate.database;

import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.compare.Risk;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Counts the rows a risky step concerns, with SQL both databases read the same way. Only reads;
 * a query the database refuses (an odd column type) gives no count rather than an error, since
 * the count informs the reviewer and never decides anything.
 */
public final class RowCounts {

  private RowCounts() {}

  public static OptionalLong count(Connection connection, Risk risk) {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query(risk))) {
      return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }

  /** The count query for a risk; package-visible for tests. */
  static String query(Risk risk) {
    String table = qualifiedName(risk.table());
    List<String> columns = risk.columns().stream().map(SqlIdentifiers::quote).toList();
    switch (risk.kind()) {
      case DROPPED_TABLE:
      case NOT_NULL_WITHOUT_DEFAULT:
        return "select count(*) from " + table;
      case DROPPED_COLUMN:
      case CONVERTED:
        return "select count(*) from " + table + " where " + columns.get(0) + " is not null";
      case NARROWED:
        return "select count(*) from " + table + " where length(" + columns.get(0) + ") > " + risk.limit();
      case ROUNDED:
        return "select count(*) from " + table + " where " + columns.get(0) + " is not null and "
            + changedByRounding(columns.get(0), (AlterColumn) risk.change().operation(), risk.limit());
      case NOT_NULL:
        return "select count(*) from " + table + " where " + columns.get(0) + " is null";
      case UNIQUE:
        return "select count(*) from (select " + String.join(", ", columns) + " from " + table + " where "
            + allNotNull(columns, "") + " group by " + String.join(", ", columns) + " having count(*) > 1) duplicates";
      case FOREIGN_KEY:
        ForeignKey key = (ForeignKey) ((AddConstraint) risk.change().operation()).constraint();
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
          matches.add("parent." + quote(key.referencedColumns().get(i)) + " = child." + quote(key.columns().get(i)));
        }
        return "select count(*) from " + table + " child where " + allNotNull(columns, "child.")
            + " and not exists (select 1 from " + qualifiedName(key.referencedTable()) + " parent where "
            + String.join(" and ", matches) + ")";
      case CHECK:
        // A check passes on null, so the rows it rejects are those where it is false.
        CheckConstraint check = (CheckConstraint) ((AddConstraint) risk.change().operation()).constraint();
        return "select count(*) from " + table + " where not (" + check.expression() + ")";
      case ENUM_VALUE_REMOVED:
        List<String> kept = ((AlterEnumType) risk.change().operation()).values();
        return "select count(*) from " + table + " where " + columns.get(0) + " is not null and cast("
            + columns.get(0) + " as text) not in (" + kept.stream().map(Ddl::literal).collect(Collectors.joining(", "))
            + ")";
      default:
        throw new IllegalArgumentException("no count for " + risk.kind());
    }
  }

  /**
   * Whether a value changes in the new type, as both databases say it: rounded to the scale (in
   * numeric arithmetic, which PostgreSQL's round takes with decimals), to a whole number, to a
   * real's precision, or to its date: a time of day other than midnight, read from the text both
   * spell a timestamp as ({@code 2024-01-01 13:45:12}, SQLite's stored text, or PostgreSQL's
   * output, which ends in an offset for a timestamp with time zone).
   */
  private static String changedByRounding(String column, AlterColumn alter, int scale) {
    SqlType.Kind to = alter.newType().orElseThrow().kind();
    return switch (to) {
      case NUMERIC -> "cast(" + column + " as numeric) <> round(cast(" + column + " as numeric), " + scale + ")";
      case REAL -> "cast(" + column + " as real) <> " + column;
      case DATE -> "length(cast(" + column + " as text)) > 10 and substr(cast(" + column + " as text), 12, 8)"
          + " <> '00:00:00'";
      default -> column + " <> round(" + column + ")";
    };
  }

  private static String allNotNull(List<String> columns, String prefix) {
    return columns.stream().map(column -> prefix + column + " is not null").collect(Collectors.joining(" and "));
  }
}
