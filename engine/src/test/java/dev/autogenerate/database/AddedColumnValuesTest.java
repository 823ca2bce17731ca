package dev.autogenerate.database;

import static dev.autogenerate.operations.ColumnChange.dropDefault;
import static dev.autogenerate.operations.ColumnChange.type;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TIMESTAMP;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The values a column added to a table with rows takes are the same on both databases, whatever
 * else its revision does to the table: on SQLite a table rebuild copies the columns by name, and
 * a column added in the middle of one took an old column's values (dropped, then added again) or
 * none (its default dropped by a later step); a default that is not a constant failed on rows.
 */
class AddedColumnValuesTest {

  @Revision(id = "add0c0000001", message = "teams with a row")
  public static final class Teams implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("team", column("id", BIGINT).notNull(), column("name", varchar(50)),
          column("nickname", varchar(20)), primaryKey("id"));
      op.execute("insert into team (id, name, nickname) values (1, 'a', 'OLD')");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("team");
    }
  }

  @Revision(id = "add0c0000002", revises = "add0c0000001", message = "backfilled score, a new nickname, a date")
  public static final class Columns implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.alterColumn("team", "name", type(varchar(120)));
      // The usual backfill: NOT NULL with a default for the rows there, then no default.
      op.addColumn("team", column("score", INTEGER).notNull().defaultSql("0"));
      op.alterColumn("team", "score", dropDefault());
      op.dropColumn("team", "nickname");
      op.addColumn("team", column("nickname", varchar(20)).defaultSql("'NEW'"));
      op.addColumn("team", column("made", TIMESTAMP).notNull().defaultSql("CURRENT_TIMESTAMP"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("team", "made");
      op.dropColumn("team", "nickname");
      op.addColumn("team", column("nickname", varchar(20)));
      op.dropColumn("team", "score");
      op.alterColumn("team", "name", type(varchar(50)));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aColumnAddedAmongOtherChangesTakesItsDefaultOnEveryRow(DatabaseKind kind) throws Exception {
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new Teams(), "Teams"),
          MigrationScript.of(new Columns(), "Columns")));
      new Migrator(history, TableFilter.defaults()).withProgress(line -> {}).upgrade(connection, "head");

      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("select score, nickname, made from team")) {
        row.next();
        assertEquals(0, row.getInt(1));
        assertEquals("NEW", row.getString(2));
        assertNotNull(row.getString(3));
      }
    }
  }
}
