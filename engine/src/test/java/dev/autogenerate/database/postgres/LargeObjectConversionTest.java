package dev.autogenerate.database.postgres;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Lob} dropped or added on PostgreSQL: the column's values move between a large object
 * and the column itself. Converted as the number it is, the oid had become the text "33394" in
 * place of the text (silently), and bytea had failed on every row.
 */
class LargeObjectConversionTest {

  private static final SqlType OID = SqlType.sqlType("oid");

  @Test
  void valuesMoveOutOfTheirLargeObjectsAndBackIn() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open();
        Statement statement = connection.createStatement()) {
      statement.execute("create table notes (id integer, body oid, photo oid)");
      statement.execute("insert into notes values (1, lo_from_bytea(0, convert_to('large text é', 'UTF8')),"
          + " lo_from_bytea(0, '\\x0102ff'::bytea)), (2, null, null)");
      Schema lobs = schema(OID, OID);

      run(statement, lobs, "body", SqlType.varchar(4000));
      run(statement, lobs, "photo", SqlType.BINARY);
      assertEquals("large text é", single(statement, "select body from notes where id = 1"));
      try (ResultSet rows = statement.executeQuery("select photo, body from notes where id = 2")) {
        rows.next();
        assertNull(rows.getBytes(1));
        assertNull(rows.getString(2));
      }
      try (ResultSet rows = statement.executeQuery("select photo from notes where id = 1")) {
        rows.next();
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rows.getBytes(1));
      }

      // The downgrade: into new large objects again.
      Schema plain = schema(SqlType.varchar(4000), SqlType.BINARY);
      run(statement, plain, "body", OID);
      run(statement, plain, "photo", OID);
      assertEquals("large text é", single(statement,
          "select convert_from(lo_get(body), 'UTF8') from notes where id = 1"));
      assertEquals("0102ff", single(statement, "select encode(lo_get(photo), 'hex') from notes where id = 1"));
    }
  }

  /**
   * A {@code @Lob String} made JSON (a user test): {@code payload::jsonb} has no cast from oid and
   * failed the revision. The value goes through the object's text, and back into a new object.
   */
  @Test
  void aLargeObjectMadeJsonReadsItsTextAndBack() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open();
        Statement statement = connection.createStatement()) {
      statement.execute("create table notes (id integer, body oid, photo oid)");
      statement.execute("insert into notes values (1, lo_from_bytea(0, convert_to('{\"a\": [1, \"é\"]}', 'UTF8')),"
          + " null), (2, null, null)");

      run(statement, schema(OID, OID), "body", SqlType.JSON);
      assertEquals("é", single(statement, "select body -> 'a' ->> 1 from notes where id = 1"));
      assertNull(single(statement, "select body::text from notes where id = 2"));

      run(statement, schema(SqlType.JSON, OID), "body", OID);
      assertEquals("{\"a\": [1, \"é\"]}", single(statement,
          "select convert_from(lo_get(body), 'UTF8') from notes where id = 1"));
    }
  }

  private static Schema schema(SqlType body, SqlType photo) {
    return Schema.of(List.of(new Table("notes", List.of(column("id", SqlType.INTEGER), column("body", body),
        column("photo", photo)), Optional.empty())), List.of(), List.of());
  }

  private static void run(Statement statement, Schema before, String column, SqlType type) throws SQLException {
    for (String sql : Database.forKind(DatabaseKind.POSTGRESQL).statements(
        List.of(new AlterColumn("notes", column, List.of(ColumnChange.type(type)))), before)) {
      statement.execute(sql);
    }
  }

  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
