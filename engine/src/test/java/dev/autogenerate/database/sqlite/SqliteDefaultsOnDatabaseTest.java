package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every default the statements write, in {@code alter table add column} and in the
 * {@code create table} of a rebuild, is one SQLite accepts and gives the value it should.
 */
class SqliteDefaultsOnDatabaseTest {

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
      "0                => 0",
      "-1.5             => -1.5",
      "'it''s'          => it's",
      "(1 + 2)          => 3",
      "1 + 2            => 3",
      "(1) + (2)        => 3",
      "(abs(-1)) * (2)  => 2",
      "lower('X')       => x",
      "('a)' || '(b')   => a)(b",
      "(')') || ('(')   => )("})
  void sqliteTakesTheDefaultAsWritten(String defaultSql, String value) throws Exception {
    Database sqlite = Database.forKind(DatabaseKind.SQLITE);
    Table table = Table.of("t", List.<TableElement>of(column("id", SqlType.INTEGER)));
    Schema before = new CreateTable(table).applyTo(Schema.EMPTY);
    List<Operation> operations = List.of(
        new AddColumn("t", column("added", SqlType.TEXT).defaultSql(defaultSql)),
        new AddColumn("t", column("altered", SqlType.TEXT)),
        new AlterColumn("t", "altered", List.of(ColumnChange.setDefault(defaultSql))));
    try (Connection connection = TestDatabases.fresh(DatabaseKind.SQLITE).open();
        Statement statement = connection.createStatement()) {
      for (String sql : sqlite.statements(List.of(new CreateTable(table)), Schema.EMPTY)) {
        statement.execute(sql);
      }
      for (String sql : sqlite.statements(operations, before)) {
        statement.execute(sql);
      }
      statement.execute("insert into t (id) values (1)");
      try (ResultSet row = statement.executeQuery("select added, altered from t")) {
        row.next();
        assertEquals(value, row.getString(1));
        assertEquals(value, row.getString(2));
      }
    }
  }
}
