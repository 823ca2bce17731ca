package dev.autogenerate.database.sqlite;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema read from SQLite, its names spelled as another spelling of the same names spells
 * them. SQLite finds a name whatever the case of its ASCII letters; the inspector reads what a
 * statement wrote without quotes folded ({@link SqliteNames}), but a name SQLite quoted itself
 * ({@code alter table Memo rename to Note} keeps {@code "Note"}) or one a hand-written migration
 * spells otherwise ({@code op.alterColumn("Foo", "Bar", ...)} on a table its raw SQL created
 * unquoted) is still one name to SQLite in two spellings. Compared or looked up as spelled, such a
 * table was "missing": the comparison wanted it created beside itself (which SQLite refuses), a
 * migration failed on a table that is there. Taking the other side's spelling, nothing is missing,
 * and the statements name it as the migration does, which SQLite finds.
 *
 * <p>A name is re-spelled only where the schema lacks it exactly and holds exactly one name SQLite
 * takes for it; names two spellings of which the reference holds (quoted {@code "Note"} beside
 * {@code note}, two tables on PostgreSQL) are left as they are.
 */
final class SqliteSpelling {

  private SqliteSpelling() {}

  /**
   * The schema with its tables and columns spelled as the reference (the entities) spells them.
   * Where everything is spelled alike, as it mostly is, one lookup per table and column.
   */
  static Schema as(Schema schema, Schema reference) {
    Map<String, List<String>> tablesByFolded = byFolded(schema.tables().keySet());
    Map<String, List<String>> referenceByFolded = byFolded(reference.tables().keySet());
    Schema spelled = schema;
    for (String wanted : reference.tables().keySet()) {
      if (schema.hasTable(wanted)) {
        continue;
      }
      String folded = SqliteNames.asciiLowerCase(wanted);
      List<String> found = tablesByFolded.getOrDefault(folded, List.of());
      if (found.size() == 1 && referenceByFolded.get(folded).size() == 1 && !reference.hasTable(found.get(0))) {
        spelled = spelled.withTableRenamed(found.get(0), wanted);
      }
    }
    for (Table table : reference.tables().values()) {
      Optional<Table> owner = spelled.table(table.name());
      if (owner.isEmpty()) {
        continue;
      }
      List<String> columns = table.columns().stream().map(Column::name).toList();
      for (String column : columns) {
        if (owner.get().column(column).isEmpty() && unambiguous(columns, column)) {
          spelled = column(spelled, table.name(), column);
        }
      }
    }
    return spelled;
  }

  private static Map<String, List<String>> byFolded(Collection<String> names) {
    Map<String, List<String>> grouped = new HashMap<>();
    for (String name : names) {
      grouped.computeIfAbsent(SqliteNames.asciiLowerCase(name), folded -> new ArrayList<>(1)).add(name);
    }
    return grouped;
  }

  /**
   * The schema with the tables, columns, indexes and constraints these operations look up spelled
   * as the operations spell them, so that applying them finds what SQLite would find.
   */
  static Schema forOperations(Schema schema, List<Operation> operations) {
    Schema spelled = schema;
    for (Operation operation : operations) {
      for (String table : operation.namesUsed()) {
        spelled = table(spelled, table);
      }
      if (operation instanceof AlterColumn alter) {
        spelled = column(spelled, alter.table(), alter.column());
      } else if (operation instanceof DropColumn drop) {
        spelled = column(spelled, drop.table(), drop.column());
      } else if (operation instanceof RenameColumn rename) {
        spelled = column(spelled, rename.table(), rename.from());
      } else if (operation instanceof CreateIndex create) {
        spelled = columns(spelled, create.table(), create.index().columnNames());
      } else if (operation instanceof CreateIndexConcurrently create) {
        spelled = columns(spelled, create.table(), create.index().columnNames());
      } else if (operation instanceof AddConstraint add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof AddConstraintNotValid add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof AddUniqueUsingIndex add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof DropIndex drop) {
        spelled = index(spelled, drop.table(), drop.name());
      } else if (operation instanceof DropConstraint drop) {
        spelled = constraint(spelled, drop.table(), drop.name());
      } else if (operation instanceof ValidateConstraint validate) {
        spelled = constraint(spelled, validate.table(), validate.name());
      }
    }
    return spelled;
  }

  private static Schema constrained(Schema schema, String table, TableConstraint constraint) {
    Schema spelled = columns(schema, table, constraint.columns());
    if (constraint instanceof ForeignKey key) {
      spelled = columns(spelled, key.referencedTable(), key.referencedColumns());
    }
    return spelled;
  }

  private static Schema columns(Schema schema, String table, List<String> columns) {
    Schema spelled = schema;
    for (String column : columns) {
      spelled = column(spelled, table, column);
    }
    return spelled;
  }

  private static Schema table(Schema schema, String wanted) {
    if (schema.hasTable(wanted)) {
      return schema;
    }
    String found = onlySame(schema.tables().keySet(), wanted);
    return found == null ? schema : schema.withTableRenamed(found, wanted);
  }

  private static Schema column(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().column(wanted).isPresent()) {
      return schema;
    }
    String found = onlySame(owner.get().columns().stream().map(Column::name).toList(), wanted);
    return found == null ? schema : schema.withColumnRenamed(table, found, wanted);
  }

  private static Schema index(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().index(wanted).isPresent()) {
      return schema;
    }
    String found = onlySame(owner.get().indexes().stream().map(Index::name).toList(), wanted);
    if (found == null) {
      return schema;
    }
    Index index = owner.get().index(found).orElseThrow();
    return schema.withTable(owner.get().withoutIndex(found)
        .withIndex(new Index(wanted, index.columns(), index.unique(), index.definition())));
  }

  private static Schema constraint(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().constraint(wanted).isPresent()) {
      return schema;
    }
    List<String> names = owner.get().constraints().stream().map(TableConstraint::name)
        .filter(name -> name != null).toList();
    String found = onlySame(names, wanted);
    if (found == null) {
      return schema;
    }
    TableConstraint constraint = owner.get().constraint(found).orElseThrow();
    return schema.withTable(owner.get().withoutConstraint(found).withConstraint(named(constraint, wanted)));
  }

  private static TableConstraint named(TableConstraint constraint, String name) {
    if (constraint instanceof PrimaryKey key) {
      return new PrimaryKey(name, key.columns());
    }
    if (constraint instanceof UniqueConstraint unique) {
      return new UniqueConstraint(name, unique.columns());
    }
    if (constraint instanceof ForeignKey key) {
      return new ForeignKey(name, key.columns(), key.referencedTable(), key.referencedColumns(), key.onDelete(),
          key.onUpdate());
    }
    CheckConstraint check = (CheckConstraint) constraint;
    return new CheckConstraint(name, check.expression());
  }

  /** The one name SQLite takes for {@code wanted}, or null when there is none or more than one. */
  private static String onlySame(Collection<String> names, String wanted) {
    String found = null;
    for (String name : names) {
      if (SqliteNames.same(name, wanted)) {
        if (found != null) {
          return null;
        }
        found = name;
      }
    }
    return found;
  }

  /** Whether no other of these names is the same name to SQLite. */
  private static boolean unambiguous(Collection<String> names, String name) {
    List<String> same = new ArrayList<>();
    for (String each : names) {
      if (SqliteNames.same(each, name)) {
        same.add(each);
      }
    }
    return same.size() == 1;
  }
}
