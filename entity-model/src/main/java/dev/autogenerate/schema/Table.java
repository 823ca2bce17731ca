package dev.autogenerate.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A table: its columns in declaration order and its primary key, if any. */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey) {

  public Table {
    Identifiers.requireValid(name, "table name");
    columns = List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has column " + column.name() + " twice");
      }
    }
    primaryKey.ifPresent(key -> key.columns().forEach(keyColumn -> {
      if (!seen.contains(keyColumn)) {
        throw new IllegalArgumentException(
            "primary key of " + name + " names column " + keyColumn + ", which the table lacks");
      }
    }));
  }

  /** A table from the elements a migration lists: columns and at most one primary key. */
  public static Table of(String name, List<? extends TableElement> elements) {
    List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey = null;
    for (TableElement element : elements) {
      if (element instanceof Column column) {
        columns.add(column);
      } else if (element instanceof PrimaryKey key) {
        if (primaryKey != null) {
          throw new IllegalArgumentException("table " + name + " declares two primary keys");
        }
        primaryKey = key;
      }
    }
    return new Table(name, columns, Optional.ofNullable(primaryKey));
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  public boolean hasColumn(String columnName) {
    return column(columnName).isPresent();
  }

  /** The elements that recreate this table: its columns, then its primary key. */
  public List<TableElement> elements() {
    List<TableElement> elements = new ArrayList<>(columns);
    primaryKey.ifPresent(elements::add);
    return elements;
  }

  public Table withColumn(Column column) {
    if (hasColumn(column.name())) {
      throw new IllegalArgumentException("table " + name + " already has column " + column.name());
    }
    List<Column> newColumns = new ArrayList<>(columns);
    newColumns.add(column);
    return new Table(name, newColumns, primaryKey);
  }

  public Table withoutColumn(String columnName) {
    requireColumn(columnName);
    if (primaryKey.isPresent() && primaryKey.get().columns().contains(columnName)) {
      throw new IllegalArgumentException(
          "column " + name + "." + columnName + " is part of the primary key and cannot be dropped");
    }
    return new Table(name, columns.stream().filter(c -> !c.name().equals(columnName)).toList(), primaryKey);
  }

  public Table withColumnReplaced(String columnName, UnaryOperator<Column> change) {
    requireColumn(columnName);
    return new Table(
        name,
        columns.stream().map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList(),
        primaryKey);
  }

  private void requireColumn(String columnName) {
    if (!hasColumn(columnName)) {
      throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }
  }
}
