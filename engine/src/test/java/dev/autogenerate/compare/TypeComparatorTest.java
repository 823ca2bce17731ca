package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.operations.ColumnChange.type;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.BINARY;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.SMALLINT;
import static dev.autogenerate.schema.SqlType.TIMESTAMP;
import static dev.autogenerate.schema.SqlType.TIMESTAMP_TZ;
import static dev.autogenerate.schema.SqlType.UUID;
import static dev.autogenerate.schema.SqlType.binary;
import static dev.autogenerate.schema.SqlType.numeric;
import static dev.autogenerate.schema.SqlType.sqlType;
import static dev.autogenerate.schema.SqlType.timestamp;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeComparatorTest {

  private static Optional<ColumnDifference> compare(ComparisonRules rules, Column was, Column wanted) {
    return new TypeComparator(rules).compare(was, wanted, Optional.empty());
  }

  private static Optional<ColumnDifference> compare(ComparisonRules rules, SqlType was, SqlType wanted) {
    return compare(rules, col("c", was), col("c", wanted));
  }

  /** Found by a user test: a json column made the portable JSON type read "type json -> json". */
  @Test
  void aJsonColumnMadeJsonbSaysJsonb() {
    String note = compare(POSTGRES, sqlType("json"), SqlType.JSON).orElseThrow().note();
    org.junit.jupiter.api.Assertions.assertTrue(note.startsWith("type json -> jsonb"), note);
  }

  @Test
  void sameTypeIsNoDifference() {
    assertEquals(Optional.empty(), compare(POSTGRES, varchar(20), varchar(20)));
    assertEquals(Optional.empty(), compare(POSTGRES, numeric(10, 2), numeric(10, 2)));
    assertEquals(Optional.empty(), compare(POSTGRES, sqlType("tsvector"), sqlType("tsvector")));
    assertEquals(Optional.empty(), compare(SQLITE, varchar(20), varchar(20)));
  }

  @Test
  void differentTypeIsSetWithANoteOfBoth() {
    assertEquals(Optional.of(new ColumnDifference(type(varchar(100)), "type varchar(20) -> varchar(100)")),
        compare(POSTGRES, varchar(20), varchar(100)));
    assertEquals(Optional.of(new ColumnDifference(type(BIGINT), "type integer -> bigint")),
        compare(POSTGRES, INTEGER, BIGINT));
    assertEquals(Optional.of(new ColumnDifference(type(numeric(12, 2)), "type numeric(10, 2) -> numeric(12, 2)")),
        compare(SQLITE, numeric(10, 2), numeric(12, 2)));
  }

  @Test
  void postgresIgnoresADeclaredBinaryLength() {
    // bytea has no length: the entities' @Column(length = 16) is a Java-side limit only.
    assertEquals(Optional.empty(), compare(POSTGRES, BINARY, binary(16)));
  }

  @Test
  void postgresTellsTimestampAndTimestampWithTimeZoneApart() {
    assertEquals(Optional.of(new ColumnDifference(type(TIMESTAMP_TZ), "type timestamp -> timestamp_tz")),
        compare(POSTGRES, TIMESTAMP, TIMESTAMP_TZ));
    assertEquals(Optional.of(new ColumnDifference(type(timestamp(3)), "type timestamp -> timestamp(3)")),
        compare(POSTGRES, TIMESTAMP, timestamp(3)));
  }

  @Test
  void sqliteComparesTypesAsItSpellsThem() {
    assertEquals(Optional.empty(), compare(SQLITE, TIMESTAMP, TIMESTAMP_TZ));
    assertEquals(Optional.empty(), compare(SQLITE, TIMESTAMP, timestamp(3)));
    assertEquals(Optional.empty(), compare(SQLITE, BINARY, UUID));
    assertEquals(Optional.of(new ColumnDifference(type(BIGINT), "type integer -> bigint")),
        compare(SQLITE, INTEGER, BIGINT));
  }

  @Test
  void sqliteTakesAnyIntegerWidthForAnIdentityOnBothSides() {
    assertEquals(Optional.empty(), compare(SQLITE, identity("id", INTEGER), identity("id", BIGINT)));
    assertEquals(Optional.empty(), compare(SQLITE, identity("id", SMALLINT), identity("id", INTEGER)));
    // Not when only the entities make it an identity: the database column is an ordinary integer.
    assertEquals(Optional.of(new ColumnDifference(type(BIGINT), "type integer -> bigint")),
        compare(SQLITE, col("id", INTEGER).notNull(), identity("id", BIGINT)));
    assertEquals(Optional.of(new ColumnDifference(type(BIGINT), "type integer -> bigint")),
        compare(POSTGRES, identity("id", INTEGER), identity("id", BIGINT)));
  }

  /** Converted to text or bytes, each large object stays behind: said where the reviewer reads the step. */
  @Test
  void aLargeObjectTurnedIntoAValueSaysItsObjectsStayBehind() {
    String note = compare(POSTGRES, SqlType.sqlType("oid"), SqlType.TEXT).orElseThrow().note();
    assertEquals("type oid -> text (the large objects it referenced stay in pg_largeobject, unreferenced, until"
        + " vacuumlo removes them)", note);
    assertEquals("type text -> oid", compare(POSTGRES, SqlType.TEXT, SqlType.sqlType("oid")).orElseThrow().note());
  }

  /**
   * Where the database stores two types alike (SQLite: timestamp and timestamptz), the type the
   * migrations gave the column still tells them apart; without such a record nothing is made of
   * the likeness. An identity's too: SQLite's rowid is integer whatever was declared, but an
   * {@code Integer} id made {@code Long} must reach PostgreSQL (a user test found it left out).
   */
  @Test
  void theRecordedTypeTellsApartWhatTheDatabaseStoresAlike() {
    TypeComparator sqlite = new TypeComparator(SQLITE);
    Optional<ColumnDifference> written =
        sqlite.compare(col("at", TIMESTAMP), col("at", TIMESTAMP_TZ), Optional.of(col("at", TIMESTAMP)));
    assertEquals(type(TIMESTAMP_TZ), written.orElseThrow().change());
    assertEquals(Optional.empty(), sqlite.compare(col("at", TIMESTAMP), col("at", TIMESTAMP_TZ), Optional.empty()));
    assertEquals(Optional.empty(),
        sqlite.compare(col("at", TIMESTAMP), col("at", TIMESTAMP), Optional.of(col("at", TIMESTAMP))));
    assertEquals(type(BIGINT), sqlite.compare(identity("id", INTEGER), identity("id", BIGINT),
        Optional.of(identity("id", INTEGER))).orElseThrow().change());
    assertEquals(Optional.empty(), sqlite.compare(identity("id", INTEGER), identity("id", BIGINT),
        Optional.of(identity("id", BIGINT))), "the rowid of a bigint id, as the migrations made it");
    // PostgreSQL stores every type as itself: what it reports is what counts.
    assertEquals(Optional.empty(), new TypeComparator(POSTGRES)
        .compare(col("at", TIMESTAMP), col("at", TIMESTAMP), Optional.of(col("at", timestamp(3)))));
  }
}
