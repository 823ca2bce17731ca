package dev.autogenerate.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A table: its columns in declaration order, its constraints, its indexes and its comment.
 *
 * <p>Constraint and index lists keep the order they were declared or inspected in; comparisons
 * never depend on that order.
 */
public record Table(
    String name,
    List<Column> columns,
    Optional<PrimaryKey> primaryKey,
    List<UniqueConstraint> uniqueConstraints,
    List<ForeignKey> foreignKeys,
    List<CheckConstraint> checks,
    List<Index> indexes,
    String comment) {

  public Table {
    Identifiers.requireValid(name, "table name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey");
    uniqueConstraints = List.copyOf(uniqueConstraints);
    foreignKeys = List.copyOf(foreignKeys);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    comment = Identifiers.blankToNull(comment);
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has column " + column.name() + " twice");
      }
    }
    String tableName = name;
    primaryKey.ifPresent(key -> requireColumns(tableName, "primary key", key.columns(), seen));
    uniqueConstraints.forEach(unique -> requireColumns(tableName, "unique constraint", unique.columns(), seen));
    foreignKeys.forEach(key -> requireColumns(tableName, "foreign key", key.columns(), seen));
    indexes.forEach(index -> requireColumns(tableName, "index " + index.name(), index.columnNames(), seen));
  }

  /** A table with columns and a primary key only. */
  public Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey) {
    this(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of(), null);
  }

  /** A table from the elements a migration lists: columns and constraints, at most one primary key. */
  public static Table of(String name, List<? extends TableElement> elements) {
    List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey = null;
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    for (TableElement element : elements) {
      if (element instanceof Column column) {
        columns.add(column);
      } else if (element instanceof PrimaryKey key) {
        if (primaryKey != null) {
          throw new IllegalArgumentException("table " + name + " declares two primary keys");
        }
        primaryKey = key;
      } else if (element instanceof UniqueConstraint unique) {
        uniques.add(unique);
      } else if (element instanceof ForeignKey foreignKey) {
        foreignKeys.add(foreignKey);
      } else if (element instanceof CheckConstraint check) {
        checks.add(check);
      }
    }
    return new Table(name, columns, Optional.ofNullable(primaryKey), uniques, foreignKeys, checks, List.of(), null);
  }

  /**
   * The column of this name. A loop, not a stream: the comparison asks for each column of each
   * table several times (a tenth of the diff's time at 1,000 tables went to the streams).
   */
  public Optional<Column> column(String columnName) {
    for (Column column : columns) {
      if (column.name().equals(columnName)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  public boolean hasColumn(String columnName) {
    for (Column column : columns) {
      if (column.name().equals(columnName)) {
        return true;
      }
    }
    return false;
  }

  /** Every constraint: the primary key, uniques, foreign keys and checks, in that order. */
  public List<TableConstraint> constraints() {
    List<TableConstraint> constraints = new ArrayList<>();
    primaryKey.ifPresent(constraints::add);
    constraints.addAll(uniqueConstraints);
    constraints.addAll(foreignKeys);
    constraints.addAll(checks);
    return constraints;
  }

  public Optional<TableConstraint> constraint(String constraintName) {
    return constraints().stream().filter(constraint -> constraintName.equals(constraint.name())).findFirst();
  }

  public Optional<Index> index(String indexName) {
    for (Index index : indexes) {
      if (indexName.equals(index.name())) {
        return Optional.of(index);
      }
    }
    return Optional.empty();
  }

  /** The elements that recreate this table: its columns, then its constraints. */
  public List<TableElement> elements() {
    List<TableElement> elements = new ArrayList<>(columns);
    elements.addAll(constraints());
    return elements;
  }

  public Table withColumn(Column column) {
    if (hasColumn(column.name())) {
      throw new IllegalArgumentException("table " + name + " already has column " + column.name());
    }
    List<Column> newColumns = new ArrayList<>(columns);
    newColumns.add(column);
    return withColumns(newColumns);
  }

  /** Drops a column, and with it the constraints and indexes that use it ({@link #constraintsUsing}). */
  public Table withoutColumn(String columnName) {
    requireColumn(columnName);
    if (primaryKey.isPresent() && primaryKey.get().columns().contains(columnName)) {
      throw new IllegalArgumentException(
          "column " + name + "." + columnName + " is part of the primary key and cannot be dropped");
    }
    List<TableConstraint> going = constraintsUsing(columnName);
    List<Index> goingIndexes = indexesUsing(columnName);
    return new Table(name,
        columns.stream().filter(c -> !c.name().equals(columnName)).toList(),
        primaryKey,
        without(uniqueConstraints, going::contains),
        without(foreignKeys, going::contains),
        without(checks, going::contains),
        without(indexes, goingIndexes::contains),
        comment);
  }

  /**
   * The uniques, checks and foreign keys (but the primary key) that go with the column when it is
   * dropped, as the database drops them: those it is part of, and a check naming it (read by name).
   */
  public List<TableConstraint> constraintsUsing(String columnName) {
    List<TableConstraint> using = new ArrayList<>();
    uniqueConstraints.stream().filter(unique -> unique.columns().contains(columnName)).forEach(using::add);
    checks.stream().filter(check -> ViewUses.names(check.expression(), columnName)).forEach(using::add);
    foreignKeys.stream().filter(key -> key.columns().contains(columnName)).forEach(using::add);
    return using;
  }

  /**
   * The indexes that go with the column when it is dropped: those on it, and an expression, partial
   * or INCLUDE one whose definition names it (read by name).
   */
  public List<Index> indexesUsing(String columnName) {
    return indexes.stream().filter(index -> index.columnNames().contains(columnName)
        || index.definition() != null && ViewUses.names(index.definition(), columnName)).toList();
  }

  public Table withColumnReplaced(String columnName, UnaryOperator<Column> change) {
    requireColumn(columnName);
    return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList());
  }

  public Table withConstraint(TableConstraint constraint) {
    if (constraint.name() != null && constraint(constraint.name()).isPresent()) {
      throw new IllegalArgumentException("table " + name + " already has constraint " + constraint.name());
    }
    List<TableElement> elements = new ArrayList<>(elements());
    elements.add(constraint);
    Table added = of(name, elements);
    return new Table(name, columns, added.primaryKey, added.uniqueConstraints, added.foreignKeys, added.checks,
        indexes, comment);
  }

  public Table withoutConstraint(String constraintName) {
    TableConstraint existing = constraint(constraintName).orElseThrow(() ->
        new IllegalArgumentException("table " + name + " has no constraint " + constraintName));
    return new Table(name, columns,
        primaryKey.filter(key -> key != existing),
        without(uniqueConstraints, unique -> unique == existing),
        without(foreignKeys, key -> key == existing),
        without(checks, check -> check == existing),
        indexes, comment);
  }

  public Table withIndex(Index index) {
    if (index.name() != null && index(index.name()).isPresent()) {
      throw new IllegalArgumentException("table " + name + " already has index " + index.name());
    }
    List<Index> newIndexes = new ArrayList<>(indexes);
    newIndexes.add(index);
    return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, newIndexes, comment);
  }

  public Table withoutIndex(String indexName) {
    if (index(indexName).isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no index " + indexName);
    }
    return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks,
        without(indexes, index -> indexName.equals(index.name())), comment);
  }

  public Table withoutIndexes() {
    return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, List.of(), comment);
  }

  /**
   * The table under another name, as {@code alter table ... rename to} leaves it: the same
   * columns, constraints and indexes (whose names do not change), and partial or expression
   * indexes defined on the new name. Foreign keys referencing the table, its own included, are
   * the schema's to follow ({@link Schema#withTableRenamed}).
   */
  public Table withName(String newName) {
    return new Table(newName, columns, primaryKey, uniqueConstraints, foreignKeys, checks,
        indexes.stream().map(index -> index.isManaged() ? index
            : new Index(index.name(), index.columns(), index.unique(),
                IdentifierRewriter.tableInIndex(index.definition(), name, newName), index.valid())).toList(),
        comment);
  }

  /**
   * The table with a column renamed, as {@code alter table ... rename column} leaves it: the
   * primary key, uniques, foreign keys, checks and indexes that name the column name the new one.
   * Foreign keys of any table that reference the column are the schema's to follow ({@link
   * Schema#withColumnRenamed}).
   */
  public Table withColumnRenamed(String from, String to) {
    requireColumn(from);
    if (hasColumn(to)) {
      throw new IllegalArgumentException("table " + name + " already has column " + to);
    }
    UnaryOperator<List<String>> rename = names -> names.stream().map(each -> each.equals(from) ? to : each).toList();
    return new Table(name,
        columns.stream().map(column -> column.name().equals(from) ? column.withName(to) : column).toList(),
        primaryKey.map(key -> new PrimaryKey(key.name(), rename.apply(key.columns()))),
        uniqueConstraints.stream().map(unique -> new UniqueConstraint(unique.name(), rename.apply(unique.columns())))
            .toList(),
        foreignKeys.stream().map(key -> key.withColumns(rename.apply(key.columns()))).toList(),
        checks.stream().map(check -> new CheckConstraint(check.name(),
            IdentifierRewriter.column(check.expression(), from, to))).toList(),
        indexes.stream().map(index -> index.isManaged()
            ? new Index(index.name(), index.columns().stream()
                .map(column -> column.name().equals(from) ? new IndexColumn(to, column.descending()) : column).toList(),
                index.unique(), null, index.valid())
            : new Index(index.name(), List.of(), index.unique(),
                IdentifierRewriter.columnInIndex(index.definition(), from, to), index.valid())).toList(),
        comment);
  }

  /**
   * The table with many columns renamed, as {@link #withColumnRenamed} one at a time would leave
   * it, in one pass over its columns and keys.
   *
   * @param renames each renamed column's new name by its name before; the new names are free
   */
  public Table withColumnsRenamed(Map<String, String> renames) {
    renames.keySet().forEach(this::requireColumn);
    UnaryOperator<List<String>> rename = names -> names.stream().map(each -> renames.getOrDefault(each, each)).toList();
    List<CheckConstraint> renamedChecks = checks;
    List<Index> renamedIndexes = indexes.stream().map(index -> index.isManaged()
        ? new Index(index.name(), index.columns().stream()
            .map(column -> new IndexColumn(renames.getOrDefault(column.name(), column.name()), column.descending()))
            .toList(), index.unique(), null, index.valid())
        : index).toList();
    // Expressions and verbatim index statements are rewritten name by name, as one rename does.
    for (Map.Entry<String, String> each : renames.entrySet()) {
      renamedChecks = renamedChecks.stream().map(check -> new CheckConstraint(check.name(),
          IdentifierRewriter.column(check.expression(), each.getKey(), each.getValue()))).toList();
      renamedIndexes = renamedIndexes.stream().map(index -> index.isManaged() ? index
          : new Index(index.name(), List.of(), index.unique(),
              IdentifierRewriter.columnInIndex(index.definition(), each.getKey(), each.getValue()), index.valid()))
          .toList();
    }
    return new Table(name,
        columns.stream().map(column -> renames.containsKey(column.name())
            ? column.withName(renames.get(column.name())) : column).toList(),
        primaryKey.map(key -> new PrimaryKey(key.name(), rename.apply(key.columns()))),
        uniqueConstraints.stream().map(unique -> new UniqueConstraint(unique.name(), rename.apply(unique.columns())))
            .toList(),
        foreignKeys.stream().map(key -> key.withColumns(rename.apply(key.columns()))).toList(),
        renamedChecks, renamedIndexes, comment);
  }

  /** The table with each foreign key replaced as {@code change} says (a referenced name renamed). */
  public Table withForeignKeysChanged(UnaryOperator<ForeignKey> change) {
    return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys.stream().map(change).toList(), checks,
        indexes, comment);
  }

  public Table withComment(String newComment) {
    return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, newComment);
  }

  private Table withColumns(List<Column> newColumns) {
    return new Table(name, newColumns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
  }

  private void requireColumn(String columnName) {
    if (!hasColumn(columnName)) {
      throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }
  }

  private static void requireColumns(String table, String what, List<String> columns, Set<String> existing) {
    for (String column : columns) {
      if (!existing.contains(column)) {
        throw new IllegalArgumentException(what + " of " + table + " names column " + column + ", which the table lacks");
      }
    }
  }

  private static <T> List<T> without(List<T> items, Predicate<T> drop) {
    return items.stream().filter(drop.negate()).toList();
  }
}
