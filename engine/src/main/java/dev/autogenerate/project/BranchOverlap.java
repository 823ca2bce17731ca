package dev.autogenerate.project;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Something two branches being merged both change, which the merge may have to reconcile: the
 * same column (both add {@code users.age}, or one alters what the other drops), or a table one
 * branch changes as a whole (creates, drops, constrains, indexes) while the other changes it
 * too. Two branches adding different columns to one table do not overlap: that is the everyday
 * case and needs nothing. Raw SQL is not looked into.
 *
 * @param subject {@code users.age} for a column, {@code users} for a table
 * @param changes what each branch does to it: {@code a1 (add age): add column users.age}
 * @param bothCreate whether both branches create it (add the column, create the table): then a
 *     database that runs both, as every new one does, fails on the second, whatever the merge
 *     does, since it runs after both; one branch's migration must change
 */
public record BranchOverlap(String subject, List<String> changes, boolean bothCreate) {

  /** What the branches ending at {@code parents} both change, since the point they share. */
  static List<BranchOverlap> between(RevisionHistory history, List<MigrationScript> parents) {
    List<List<Touch>> branches = new ArrayList<>();
    for (MigrationScript parent : parents) {
      Set<String> own = new HashSet<>(history.ancestors(List.of(parent.id())));
      for (MigrationScript other : parents) {
        if (other != parent) {
          own.removeAll(history.ancestors(List.of(other.id())));
        }
      }
      List<Touch> touches = new ArrayList<>();
      for (MigrationScript script : history.inOrder(own)) {
        for (Operation operation : script.upgradeOperations()) {
          touches.addAll(Touch.of(script, operation));
        }
      }
      branches.add(touches);
    }
    Map<String, Set<String>> overlaps = new LinkedHashMap<>();
    Set<String> bothCreate = new HashSet<>();
    for (int i = 0; i < branches.size(); i++) {
      for (int j = i + 1; j < branches.size(); j++) {
        for (Touch left : branches.get(i)) {
          for (Touch right : branches.get(j)) {
            left.overlap(right).ifPresent(subject -> {
              Set<String> changes = overlaps.computeIfAbsent(subject, key -> new LinkedHashSet<>());
              changes.add(left.change());
              changes.add(right.change());
              if (left.creates() && right.creates()) {
                bothCreate.add(subject);
              }
            });
          }
        }
      }
    }
    List<BranchOverlap> result = new ArrayList<>();
    overlaps.forEach((subject, changes) ->
        result.add(new BranchOverlap(subject, List.copyOf(changes), bothCreate.contains(subject))));
    return result;
  }

  /**
   * One operation's reach: a column of a table, or (column null) the table, sequence or type as a
   * whole; and whether it creates it.
   */
  private record Touch(String subject, String column, String change, boolean creates) {

    static List<Touch> of(MigrationScript script, Operation operation) {
      String change = script.label() + ": " + operation.describe();
      if (operation instanceof AddColumn add) {
        return List.of(new Touch(add.table(), add.column().name(), change, true));
      }
      if (operation instanceof AlterColumn alter) {
        return List.of(new Touch(alter.table(), alter.column(), change, false));
      }
      if (operation instanceof DropColumn drop) {
        return List.of(new Touch(drop.table(), drop.column(), change, false));
      }
      if (operation instanceof CreateIndex create && create.index().isManaged()) {
        // An index on columns reaches those columns, not the table: one branch's index on its new
        // column and the other's change to another column are no overlap (a user test was warned).
        return create.index().columnNames().stream()
            .map(column -> new Touch(create.table(), column, change, false)).toList();
      }
      return operation.subject() == null ? List.of()
          : List.of(new Touch(operation.subject(), null, change, operation instanceof CreateTable));
    }

    Optional<String> overlap(Touch other) {
      if (!subject.equals(other.subject)) {
        return Optional.empty();
      }
      if (column == null || other.column == null) {
        return Optional.of(subject);
      }
      return column.equals(other.column) ? Optional.of(subject + "." + column) : Optional.empty();
    }
  }
}
