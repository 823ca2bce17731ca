package dev.autogenerate.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key: columns of this table referencing columns of another (or the same) table.
 * Identified by its columns, the referenced table and the referenced columns.
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) implements TableConstraint {

  public ForeignKey {
    columns = Identifiers.requireColumns(columns, "a foreign key");
    Identifiers.requireValid(referencedTable, "referenced table");
    referencedColumns = Identifiers.requireColumns(referencedColumns, "a foreign key's referenced");
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
          + " columns but references " + referencedColumns.size());
    }
    onDelete = Objects.requireNonNullElse(onDelete, ReferentialAction.NO_ACTION);
    onUpdate = Objects.requireNonNullElse(onUpdate, ReferentialAction.NO_ACTION);
  }

  /** {@code foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id"))}. */
  public static ForeignKey foreignKey(String name, List<String> columns, String referencedTable,
      List<String> referencedColumns) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns, null, null);
  }

  public ForeignKey onDelete(ReferentialAction action) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate);
  }

  public ForeignKey onUpdate(ReferentialAction action) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action);
  }

  /** The same key on other columns of its table, as a rename of one of them leaves it. */
  public ForeignKey withColumns(List<String> newColumns) {
    return new ForeignKey(name, newColumns, referencedTable, referencedColumns, onDelete, onUpdate);
  }

  /** The same key referencing the same rows under other names, as a rename leaves it. */
  public ForeignKey withReference(String newReferencedTable, List<String> newReferencedColumns) {
    return new ForeignKey(name, columns, newReferencedTable, newReferencedColumns, onDelete, onUpdate);
  }
}
