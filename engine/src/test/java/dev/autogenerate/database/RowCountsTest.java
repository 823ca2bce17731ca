package dev.autogenerate.database;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.compare.Risks;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows a rounding type change alters, counted by the same SQL on both databases, on values
 * that tell a right count from a near one: negative numbers, a whole number among fractions,
 * midnight with and without a fraction of a second, nulls.
 */
class RowCountsTest {

  private static final Schema MEASURES = Schema.of(List.of(new Table("measures", List.of(
      column("id", SqlType.INTEGER).notNull(),
      column("amount", SqlType.numeric(10, 3)),
      column("ratio", SqlType.DOUBLE),
      column("seen", SqlType.TIMESTAMP),
      column("at", SqlType.TIME)), Optional.empty())), List.of(), List.of());

  /** Dropping {@code wide.note}: its rows holding a value are counted. */
  private static final Risk DROP_NOTE = Risks.of(Schema.of(List.of(new Table("wide", List.of(
      column("id", SqlType.INTEGER).notNull(), column("note", SqlType.TEXT)), Optional.empty())), List.of(), List.of()),
      List.of(Change.of(new DropColumn("wide", "note")))).get(0);

  /** Every row the risk concerns, within the usual time limit. */
  private static OptionalLong count(Connection connection, Database database, Risk risk) {
    return count(connection, database, risk, RowCounts.TIME_LIMIT);
  }

  private static OptionalLong count(Connection connection, Database database, Risk risk, Duration time) {
    return RowCounts.count(connection, database, risk, 0, time).rows();
  }

  /** At most {@code limit} of them, within the usual time limit. */
  private static OptionalLong countUpTo(Connection connection, Database database, Risk risk, long limit) {
    return countUpTo(connection, database, risk, limit, RowCounts.TIME_LIMIT);
  }

  private static OptionalLong countUpTo(Connection connection, Database database, Risk risk, long limit,
      Duration time) {
    return RowCounts.count(connection, database, risk, limit, time).rows();
  }

  private static OptionalLong changed(Connection connection, String column, SqlType to) throws SQLException {
    List<Risk> risks = Risks.of(MEASURES,
        List.of(Change.of(new AlterColumn("measures", column, List.of(ColumnChange.type(to))))));
    Risk rounded = risks.stream().filter(risk -> risk.kind() == Risk.Kind.ROUNDED).findFirst().orElseThrow();
    return count(connection, Database.of(connection), rounded);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void roundedRowsAreCountedAlike(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table measures (id integer not null, amount numeric(10, 3), ratio double precision,"
          + " seen timestamp, at time)");
      statement.execute("insert into measures values (1, 1.234, 3.7, '2024-01-01 13:45:12', '13:45:12.5')");
      statement.execute("insert into measures values (2, 1.2, 4, '2024-01-02 00:00:00', '13:45:12')");
      statement.execute("insert into measures values (3, -2.25, -0.5, '2024-01-03 00:00:00.5', '00:00:00')");
      statement.execute("insert into measures values (4, null, null, null, null)");

      assertEquals(OptionalLong.of(2), changed(connection, "amount", SqlType.numeric(10, 1)));
      assertEquals(OptionalLong.of(3), changed(connection, "amount", SqlType.INTEGER));
      assertEquals(OptionalLong.of(2), changed(connection, "ratio", SqlType.INTEGER));
      assertEquals(OptionalLong.of(2), changed(connection, "seen", SqlType.DATE));
      assertEquals(OptionalLong.of(1), changed(connection, "seen", SqlType.timestamp(0)));
      assertEquals(OptionalLong.of(1), changed(connection, "at", SqlType.time(0)));
      // A timestamp made a time of day loses its date, every one of them.
      assertEquals(OptionalLong.of(3), changed(connection, "seen", SqlType.time(6)));
      // An integer made a boolean: any but 0 becomes true, so all but 0 and 1 change.
      statement.execute("create table flags (id integer not null, flag integer)");
      statement.execute("insert into flags values (1, 0), (2, 1), (3, 2), (4, -1), (5, null)");
      Schema flags = Schema.of(List.of(new Table("flags", List.of(column("id", SqlType.INTEGER).notNull(),
          column("flag", SqlType.INTEGER)), Optional.empty())), List.of(), List.of());
      List<Risk> toBoolean = Risks.of(flags, List.of(Change.of(new AlterColumn("flags", "flag",
          List.of(ColumnChange.type(SqlType.BOOLEAN))))));
      assertEquals(List.of(Risk.Kind.ROUNDED), toBoolean.stream().map(Risk::kind).toList());
      assertEquals(OptionalLong.of(2), count(connection, Database.of(connection), toBoolean.get(0)));
      // What a double holds exactly is no change (PostgreSQL's cast to numeric keeps 15 digits).
      statement.execute("create table big (n bigint)");
      statement.execute("insert into big values (1234567890123456), (9007199254740993), (null)");
      Schema big = Schema.of(List.of(new Table("big", List.of(column("n", SqlType.BIGINT)), Optional.empty())),
          List.of(), List.of());
      Risk toDouble = Risks.of(big, List.of(Change.of(new AlterColumn("big", "n",
          List.of(ColumnChange.type(SqlType.DOUBLE)))))).get(0);
      assertEquals(OptionalLong.of(1), count(connection, Database.of(connection), toDouble));
      // A count bounded for a downgrade says where it stopped.
      CountedRisk bounded = CountedRisk.upTo(connection, Database.of(connection), toDouble, 1, CountBudget.start());
      assertTrue(bounded.warning().contains("(rows whose value changes: 1 or more)"), bounded.warning());
      assertEquals(kind == DatabaseKind.SQLITE, bounded.warning().contains("SQLite stores each value as a double"),
          bounded.warning());
      // 3.7 is no 4-byte real, -0.5 and 4 are; SQLite, whose real is a double, cannot tell.
      assertEquals(kind == DatabaseKind.POSTGRESQL ? OptionalLong.of(1) : OptionalLong.empty(),
          changed(connection, "ratio", SqlType.REAL));
    }
  }

  /**
   * A narrower integer type fails on the values out of its range: those are counted, not every
   * value (bigint to integer had said all 10 rows of a table whose values all fit).
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void valuesOutOfANarrowerIntegersRangeAreCounted(DatabaseKind kind) throws Exception {
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      statement.execute("create table totals (n bigint, m integer)");
      statement.execute("insert into totals values (1, 1), (2147483648, 40000), (-2147483649, -32769), (null, null)");
      Schema totals = Schema.of(List.of(new Table("totals", List.of(column("n", SqlType.BIGINT),
          column("m", SqlType.INTEGER)), Optional.empty())), List.of(), List.of());
      Risk toInteger = Risks.of(totals, List.of(Change.of(new AlterColumn("totals", "n",
          List.of(ColumnChange.type(SqlType.INTEGER)))))).get(0);
      Risk toSmallint = Risks.of(totals, List.of(Change.of(new AlterColumn("totals", "m",
          List.of(ColumnChange.type(SqlType.SMALLINT)))))).get(0);

      assertEquals(Risk.Kind.OUT_OF_RANGE, toInteger.kind());
      assertEquals(OptionalLong.of(2), count(connection, Database.of(connection), toInteger));
      assertEquals(OptionalLong.of(2), count(connection, Database.of(connection), toSmallint));
    }
  }

  /**
   * A text made a whole number: the texts that do not read as one, or are beyond the type's range,
   * are counted, not every row holding a value (it warned of all of them). On PostgreSQL the count
   * is checked by converting each value; SQLite fails on none, and counts what it keeps as text.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void textsThatDoNotReadAsAWholeNumberAreCounted(DatabaseKind kind) throws Exception {
    List<String> values = List.of("12", " 7 ", "-3", "+5", "abc", "1.5", "99999999999", "--4", "", "00100", "-0");
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      List<Risk> risks = textsRetyped(statement, "codes", "code", 20, values, SqlType.INTEGER);
      Risk toInteger = risks.get(0);

      assertEquals(Risk.Kind.TEXT_TO_INTEGER, toInteger.kind());
      long refused = 0;
      if (kind == DatabaseKind.POSTGRESQL) {
        for (String value : values) {
          try (Statement each = connection.createStatement()) {
            each.execute("select cast('" + value + "' as integer)");
          } catch (SQLException e) {
            refused++;
          }
        }
        assertEquals(5, refused, "abc, 1.5, 99999999999, --4 and the empty text");
      } else {
        refused = 4; // abc, 1.5, --4 and the empty text stay text; the long number reads as one
      }
      assertEquals(OptionalLong.of(refused), count(connection, Database.of(connection), toInteger));
      // Found by a user test: '00100' became 100, and the warning said 0 rows.
      assertEquals(Risk.Kind.TEXT_REWRITTEN, risks.get(1).kind());
      long rewritten = 0;
      if (kind == DatabaseKind.POSTGRESQL) {
        for (String value : values) {
          try (Statement each = connection.createStatement(); ResultSet converted = each.executeQuery(
              "select cast(cast(cast('" + value + "' as varchar) as integer) as text)")) {
            converted.next();
            rewritten += converted.getString(1).equals(value) ? 0 : 1;
          } catch (SQLException e) {
            // fails: counted as such, not as rewritten
          }
        }
      } else {
        try (ResultSet stored = statement.executeQuery("select count(*) from codes where code <> cast(cast(code as"
            + " integer) as text) and code in (' 7 ', '+5', '00100', '-0')")) {
          stored.next();
          rewritten = stored.getLong(1);
        }
      }
      assertEquals(4, rewritten, "' 7 ', '+5', '00100' and '-0'");
      assertEquals(OptionalLong.of(rewritten), count(connection, Database.of(connection), risks.get(1)));
    }
  }

  /**
   * A text made a decimal of scale 2: the texts that do not read as a number, or are too large,
   * are counted as failing, and those with more decimals than two as rounded, silently (the
   * conversion had been warned of as every row failing or not, and the rounding not at all). On
   * PostgreSQL each count is checked by converting each value, and by comparing each converted
   * value with its text; SQLite counts the same texts but the exponent's, which it does not read.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void textsMadeADecimalAreCountedAsFailingOrRounded(DatabaseKind kind) throws Exception {
    List<String> values = List.of("12", " 7.5 ", "-3.25", "+0.125", "9.995", "1.10", "1.100", ".5", "5.", "1e2",
        "1.2345e2", "abc", "1.2.3", "--4", "", "12345678.9", "99999999.994", "99999999.995");
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      List<Risk> risks = textsRetyped(statement, "prices", "price", 20, values, SqlType.numeric(10, 2));

      assertEquals(List.of(Risk.Kind.TEXT_TO_DECIMAL, Risk.Kind.TEXT_REWRITTEN, Risk.Kind.TEXT_ROUNDED),
          risks.stream().map(Risk::kind).toList());
      long refused = 0;
      long rounded = 0;
      long rewritten = 0;
      if (kind == DatabaseKind.POSTGRESQL) {
        for (String value : values) {
          try (Statement each = connection.createStatement();
              ResultSet converted = each.executeQuery("select cast(cast('" + value + "' as varchar) as numeric(10, 2)),"
                  + " cast(cast('" + value + "' as varchar) as numeric)")) {
            converted.next();
            if (converted.getBigDecimal(1).compareTo(converted.getBigDecimal(2)) != 0) {
              rounded++;
            }
            rewritten += converted.getString(2).equals(value) ? 0 : 1;
          } catch (SQLException e) {
            refused++;
          }
        }
        assertEquals(5, refused, "abc, 1.2.3, --4, the empty text and 99999999.995");
        assertEquals(3, rounded, "+0.125, 9.995 and 99999999.994");
        assertEquals(6, rewritten, "' 7.5 ', '+0.125', '.5', '5.', '1e2' and '1.2345e2'");
      } else {
        refused = 7; // and 1e2, 1.2345e2, which SQLite's count does not read
        rounded = 3;
        rewritten = 6; // ' 7.5 ', '+0.125', '.5', '5.', and '1.10' and '1.100', stored as 1.1 by numeric affinity
      }
      Database database = Database.of(connection);
      assertEquals(OptionalLong.of(refused), count(connection, database, risks.get(0)));
      assertEquals(OptionalLong.of(rewritten), count(connection, database, risks.get(1)));
      assertEquals(OptionalLong.of(rounded), count(connection, database, risks.get(2)));
    }
  }

  /**
   * A text made a date, a timestamp of whole seconds or a real: beside the conversion's warning,
   * the texts the type keeps less of, without an error (a time of day, a fraction of a second,
   * digits), counted from the text as written on both databases. On PostgreSQL each count is
   * checked against the conversion: the dates and timestamps exactly, the real's at least (a
   * seven-digit whole number is counted, and kept).
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void textsADateATimeOrAFloatKeepsLessOfAreCounted(DatabaseKind kind) throws Exception {
    record Case(SqlType type, String sqlType, List<String> values, long cut, long cutOnPostgres) {}
    List<Case> cases = List.of(
        new Case(SqlType.DATE, "date", List.of("2024-01-01", " 2024-01-02 ", "2024-01-01 00:00", "2024-01-01T00:00:00",
            "2024-01-01 00:00:00.000", "2024-01-01 13:45", "2024-01-01 00:00:00.5", "2024-01-01T08:00:00"), 3, 3),
        new Case(SqlType.timestamp(0), "timestamp(0)", List.of("2024-01-01 13:45:12", "2024-01-01 13:45:12.000",
            "2024-01-01 13:45:12.5", "2024-01-01T13:45:12.04", "2024-01-01"), 2, 2),
        new Case(SqlType.REAL, "real", List.of("1.5", "0.1", "3.14159", "3.1415926", "1234567", "-2.5"), 2, 1));
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      for (Case each : cases) {
        List<Risk> risks = textsRetyped(statement, "notes", "note", 40, each.values(), each.type());

        assertEquals(List.of(Risk.Kind.CONVERTED, Risk.Kind.TEXT_ROUNDED), risks.stream().map(Risk::kind).toList());
        if (kind == DatabaseKind.POSTGRESQL) {
          // What the value becomes against what the text says, both as PostgreSQL reads them.
          String exact = each.type().kind() == SqlType.Kind.REAL ? "numeric" : "timestamp";
          String kept = each.type().kind() == SqlType.Kind.REAL ? "cast(cast(converted as text) as numeric)"
              : "cast(converted as timestamp)";
          try (ResultSet changed = statement.executeQuery("select count(*) from (select cast(note as " + each.sqlType()
              + ") converted, cast(note as " + exact + ") exact from notes) n where " + kept + " <> exact")) {
            changed.next();
            assertEquals(each.cutOnPostgres(), changed.getLong(1), each.values()::toString);
          }
        }
        assertEquals(OptionalLong.of(each.cut()), count(connection, Database.of(connection), risks.get(1)),
            each.type() + " " + each.values());
      }
    }
  }

  /**
   * A text made a UUID or a boolean: the texts PostgreSQL does not read as one are counted, not
   * every row holding a value. On PostgreSQL the count is checked by converting each value; SQLite,
   * which keeps them as text, counts the same texts.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void textsThatDoNotReadAsAUuidOrABooleanAreCounted(DatabaseKind kind) throws Exception {
    record Case(SqlType type, List<String> values, int refused) {}
    List<Case> cases = List.of(
        new Case(SqlType.UUID, List.of("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
            "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
            " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d",
            "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "42", ""), 6),
        new Case(SqlType.BOOLEAN, List.of("true", "FALSE", " yes ", "n", "on", "of", "tr", "1", "0", "o", "01", "nope",
            "maybe", ""), 5));
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      for (Case each : cases) {
        Risk risk = textsRetyped(statement, "answers", "answer", 60, each.values(), each.type()).get(0);

        assertEquals(Risk.Kind.TEXT_CONVERTED, risk.kind());
        if (kind == DatabaseKind.POSTGRESQL) {
          long refused = 0;
          for (String value : each.values()) {
            try (Statement one = connection.createStatement()) {
              one.execute("select cast(cast('" + value + "' as varchar) as " + (each.type() == SqlType.UUID ? "uuid" : "boolean") + ")");
            } catch (SQLException e) {
              refused++;
            }
          }
          assertEquals(each.refused(), refused, each.values()::toString);
        }
        assertEquals(OptionalLong.of(each.refused()), count(connection, Database.of(connection), risk),
            each.type() + " " + each.values());
      }
    }
  }

  /**
   * Any number type of a smaller range: the values too large for it once rounded are counted,
   * beside the rounding (a double to a real had warned that every row held a value that might
   * fail, next to a rounding that fails none). Each count is checked by converting: what it
   * counts is exactly what PostgreSQL refuses.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void valuesBeyondANarrowerNumberTypeAreCounted(DatabaseKind kind) throws Exception {
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      statement.execute("create table amounts (d double precision, n numeric(12, 3), i integer)");
      statement.execute("insert into amounts values (1.5, 999.994, -2147483648), (4e38, 999.995, 2147483647),"
          + " (-3.5e38, -1000, 100000), (null, 12345.5, null), (2147483647.5, -999.994, 99999)");
      Schema amounts = Schema.of(List.of(new Table("amounts", List.of(column("d", SqlType.DOUBLE),
          column("n", SqlType.numeric(12, 3)), column("i", SqlType.INTEGER)), Optional.empty())), List.of(), List.of());
      Database database = Database.of(connection);
      record Case(String column, SqlType type, long outOfRange) {}
      List<Case> cases = List.of(new Case("d", SqlType.REAL, 2), new Case("d", SqlType.INTEGER, 3),
          new Case("n", SqlType.numeric(5, 2), 3), new Case("n", SqlType.SMALLINT, 0),
          new Case("n", SqlType.numeric(4, 0), 1), new Case("i", SqlType.numeric(5, 0), 3),
          new Case("i", SqlType.SMALLINT, 4));
      for (Case each : cases) {
        List<Risk> risks = Risks.of(amounts, List.of(Change.of(new AlterColumn("amounts", each.column(),
            List.of(ColumnChange.type(each.type()))))));
        Risk outOfRange = risks.stream().filter(risk -> risk.kind() == Risk.Kind.OUT_OF_RANGE).findFirst()
            .orElseThrow(() -> new AssertionError(each + ": " + risks));
        assertEquals(List.of(), risks.stream().filter(risk -> risk.kind() == Risk.Kind.CONVERTED).toList(), each.toString());
        assertEquals(OptionalLong.of(each.outOfRange()), count(connection, database, outOfRange), each.toString());
        if (kind == DatabaseKind.POSTGRESQL) {
          assertEquals(each.outOfRange(), refusedByConversion(connection, each.column(), each.type()), each.toString());
        }
      }
    }
  }

  /** The rows whose value PostgreSQL refuses to convert to {@code type}, one conversion each. */
  private static long refusedByConversion(Connection connection, String column, SqlType type) throws SQLException {
    String spelled = type.kind() == SqlType.Kind.NUMERIC
        ? "numeric(" + type.precision() + ", " + type.scale() + ")"
        : type.kind() == SqlType.Kind.REAL ? "real" : type.kind() == SqlType.Kind.INTEGER ? "integer" : "smallint";
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select cast(" + column + " as text) from amounts where " + column
            + " is not null")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    long refused = 0;
    for (String value : values) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("select cast(cast('" + value + "' as " + (column.equals("d") ? "double precision" : "numeric")
            + ") as " + spelled + ")");
      } catch (SQLException e) {
        refused++;
      }
    }
    return refused;
  }

  /**
   * A count that runs out of time gives no count and leaves the connection as it found it: its
   * limit ended (the next count runs to its end), outside a transaction no transaction left open
   * (SQLite would hold its read lock), inside one the caller's work kept.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCountThatRunsOutOfTimeLeavesTheConnectionAsItWas(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table wide (id integer not null, note text)");
      // 300,000 rows, one holding a note: counting them reads every row, tens of milliseconds.
      statement.execute(kind == DatabaseKind.POSTGRESQL
          ? "insert into wide select n, null from generate_series(1, 300000) n"
          : "insert into wide with recursive n(i) as (select 1 union all select i + 1 from n where i < 300000)"
              + " select i, null from n");
      statement.execute("update wide set note = 'the only one' where id = 300000");
      Database dialect = Database.of(connection);

      assertEquals(OptionalLong.empty(), countUpTo(connection, dialect, DROP_NOTE, 1_000_000, Duration.ofMillis(1)));
      // Every row of the table too (SQLite counts a bare count(*) in one step no limit stops).
      Risk dropTable = Risks.of(Schema.of(List.of(new Table("wide", List.of(column("id", SqlType.INTEGER).notNull()),
          Optional.empty())), List.of(), List.of()), List.of(Change.of(new DropTable("wide")))).get(0);
      assertEquals(OptionalLong.empty(), count(connection, dialect, dropTable, Duration.ofMillis(1)));
      assertEquals(OptionalLong.of(300_000), count(connection, dialect, dropTable));
      // Why a count is missing, for the warning: it ran out of time, or the database refused it.
      assertEquals(new RowCount(OptionalLong.empty(), "over 0.001 s"),
          RowCounts.count(connection, dialect, dropTable, 0, Duration.ofMillis(1)));
      Risk dropMissing = Risks.of(Schema.of(List.of(new Table("missing", List.of(column("id", SqlType.INTEGER)),
          Optional.empty())), List.of(), List.of()), List.of(Change.of(new DropTable("missing")))).get(0);
      CountedRisk refused = CountedRisk.of(connection, dialect, dropMissing, CountBudget.start());
      assertTrue(refused.warning().endsWith("(rows not counted: the database refused the count)"), refused.warning());
      assertTrue(connection.getAutoCommit());
      try (Connection other = database.open(); Statement writer = other.createStatement()) {
        writer.execute("insert into wide values (300001, null)");
      }
      assertEquals(OptionalLong.of(1), countUpTo(connection, dialect, DROP_NOTE, 1_000_000));

      connection.setAutoCommit(false);
      statement.execute("insert into wide values (300002, 'kept')");
      assertEquals(OptionalLong.empty(), countUpTo(connection, dialect, DROP_NOTE, 1_000_000, Duration.ofMillis(1)));
      assertEquals(OptionalLong.of(2), countUpTo(connection, dialect, DROP_NOTE, 1_000_000));
      connection.commit();
      connection.setAutoCommit(true);
      try (Connection other = database.open(); Statement reader = other.createStatement();
          ResultSet kept = reader.executeQuery("select note from wide where id = 300002")) {
        assertTrue(kept.next());
        assertEquals("kept", kept.getString(1));
      }
    }
  }

  /**
   * The counts of a command share a budget: each gets at most the per-count limit of what is left,
   * and once it is spent a slice still, enough for a small table. No time, nothing counted: the
   * database is not even asked (here there is none).
   */
  @Test
  void aSpentBudgetLeavesEachCountASlice() throws Exception {
    assertEquals(RowCounts.TIME_LIMIT, CountBudget.start().next());
    CountBudget small = new CountBudget(Duration.ofMillis(1));
    Thread.sleep(5);
    assertEquals(CountBudget.SLICE, small.next());
    assertEquals(OptionalLong.empty(),
        count(null, Database.forKind(DatabaseKind.POSTGRESQL), DROP_NOTE, Duration.ZERO));
  }

  /**
   * On SQLite a count begins no transaction: on a connection whose URL asks for immediate
   * transactions, one would take the write lock, and wait for (or fail on) a writer elsewhere,
   * leaving the connection out of auto-commit when it failed.
   */
  @Test
  void aSqliteCountTakesNoWriteLock() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection setUp = database.open(); Statement statement = setUp.createStatement()) {
      createWideWithOneNote(statement);
    }
    try (Connection writer = database.open(); Statement writing = writer.createStatement();
        Connection counting = DriverManager.getConnection(database.url() + "?transaction_mode=IMMEDIATE")) {
      writer.setAutoCommit(false);
      writing.execute("insert into wide values (3, 'written meanwhile')");

      assertEquals(OptionalLong.of(1), countUpTo(counting, Database.of(counting), DROP_NOTE, 1_000_000));
      assertTrue(counting.getAutoCommit());
      writer.commit();
    }
  }

  /**
   * On PostgreSQL inside the caller's transaction: the count's savepoint is released (each count
   * left one would run the caller's next statements a subtransaction deeper), and a session
   * bounding its statements more tightly than the count keeps its bound.
   */
  @Test
  void aPostgresCountLeavesTheTransactionAsItWas() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      createWideWithOneNote(statement);
      Database dialect = Database.of(connection);
      connection.setAutoCommit(false);
      statement.execute("set local statement_timeout = 500");

      for (int i = 0; i < 3; i++) {
        assertEquals(OptionalLong.of(1), countUpTo(connection, dialect, DROP_NOTE, 1_000_000));
      }
      statement.execute("insert into wide values (3, 'after the counts')");

      assertEquals("500ms", single(statement, "show statement_timeout"));
      // Each count's savepoint released: the insert ran in the transaction itself, under no subtransaction.
      assertEquals("0", single(statement, "select count(*) from pg_stat_get_backend_idset() as b(id),"
          + " pg_stat_get_backend_subxact(b.id) as x where pg_stat_get_backend_pid(b.id) = pg_backend_pid()"
          + " and x.subxact_count > 0"));
      connection.commit();
    }
  }


  /**
   * A table, made anew, of one varchar column holding these texts and a null; the risks of
   * making that column {@code to}.
   */
  private static List<Risk> textsRetyped(Statement statement, String table, String columnName, int width,
      List<String> values, SqlType to) throws SQLException {
    statement.execute("drop table if exists " + table);
    statement.execute("create table " + table + " (" + columnName + " varchar(" + width + "))");
    for (String value : values) {
      statement.execute("insert into " + table + " values ('" + value + "')");
    }
    statement.execute("insert into " + table + " values (null)");
    Schema schema = Schema.of(List.of(new Table(table, List.of(column(columnName, SqlType.varchar(width))),
        Optional.empty())), List.of(), List.of());
    return Risks.of(schema, List.of(Change.of(new AlterColumn(table, columnName, List.of(ColumnChange.type(to))))));
  }

  private static void createWideWithOneNote(Statement statement) throws SQLException {
    statement.execute("create table wide (id integer not null, note text)");
    statement.execute("insert into wide values (1, 'a note'), (2, null)");
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      assertTrue(rows.next(), query);
      return rows.getString(1);
    }
  }
}
