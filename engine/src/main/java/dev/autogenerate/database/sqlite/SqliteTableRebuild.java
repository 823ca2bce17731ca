package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLite's way to change what {@code alter table} cannot (a column's type, nullability or
 * default, any constraint): create the new shape under a temporary name, copy the rows of the
 * columns both shapes have (and the {@code autoincrement} high-water mark), drop the old table,
 * rename the new one, and create the indexes again.
 * Foreign-key enforcement is off while a revision runs, so the drop neither cascades nor fails,
 * and the revision commits only if every reference still holds ({@link SqliteRevisionGuard}).
 */
final class SqliteTableRebuild {

  static final String TEMPORARY_PREFIX = "_autogenerate_rebuild_";

  private SqliteTableRebuild() {}

  /** The statements that turn table {@code from} into {@code to}, keeping the rows and the indexes. */
  static List<String> statements(Table from, Table to) {
    String temporary = TEMPORARY_PREFIX + to.name();
    String copied = to.columns().stream()
        .map(Column::name)
        .filter(from::hasColumn)
        .map(SqlIdentifiers::quote)
        .collect(Collectors.joining(", "));
    List<String> statements = new ArrayList<>();
    statements.add(SqliteDdl.createTable(temporary, to));
    statements.add("insert into " + quote(temporary) + " (" + copied + ") select " + copied + " from "
        + qualifiedName(from.name()));
    if (SqliteDdl.rowidAlias(to) != null) {
      // AUTOINCREMENT never hands out an id twice, not even one whose row is gone: the new table
      // takes over the old one's high-water mark, which the copy alone lowers to the largest id
      // left. Renamed away from the old table, the mark survives its drop.
      statements.add("delete from sqlite_sequence where name = " + Ddl.literal(temporary));
      statements.add("update sqlite_sequence set name = " + Ddl.literal(temporary) + " where name = "
          + Ddl.literal(from.name()));
    }
    statements.add("drop table " + qualifiedName(from.name()));
    statements.add("alter table " + quote(temporary) + " rename to " + quote(to.name()));
    for (Index index : to.indexes()) {
      statements.add(Ddl.createIndex(to.name(), index));
    }
    return statements;
  }
}
