package dev.autogenerate.project;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the branches being merged apply in every order databases run them: a new database runs
 * them in history order, and one that had a branch already runs the others after it. An order
 * fails where one branch's step needs what another's changes: an index on a column the other
 * renames (a user test's merge was said to need nothing, and every new database failed at it).
 * Replayed on the schema the revisions record, without a database; raw SQL is not looked into.
 *
 * @param failure what fails, in which order, and how to mend it
 */
public record BranchOrders(String failure) {

  /**
   * The orders that fail, each once: the branches as merged, then each branch last.
   *
   * @param bothCreate what both branches create ({@link BranchOverlap#bothCreate}), told already:
   *     an order failing on the second creation is not told again
   */
  static List<BranchOrders> failing(RevisionHistory history, List<MigrationScript> parents, Set<String> bothCreate) {
    // What two or more of the parents share runs before the branches: replayed once, as the
    // start (found by this session's review: a revision two of three heads shared was replayed in
    // both their branches, and its second replay failed).
    Set<String> shared = new HashSet<>();
    for (int i = 0; i < parents.size(); i++) {
      for (int j = i + 1; j < parents.size(); j++) {
        Set<String> both = new HashSet<>(history.ancestors(List.of(parents.get(i).id())));
        both.retainAll(history.ancestors(List.of(parents.get(j).id())));
        shared.addAll(both);
      }
    }
    List<List<MigrationScript>> branches = new ArrayList<>();
    for (MigrationScript parent : parents) {
      Set<String> own = new HashSet<>(history.ancestors(List.of(parent.id())));
      own.removeAll(shared);
      branches.add(history.inOrder(own));
    }
    Schema start = history.replay(history.appliedExactly(shared));
    List<BranchOrders> failing = new ArrayList<>();
    Set<String> told = new HashSet<>();
    for (int last = -1; last < branches.size(); last++) {
      List<MigrationScript> order = new ArrayList<>();
      for (int i = 0; i < branches.size(); i++) {
        if (i != last) {
          order.addAll(branches.get(i));
        }
      }
      if (last >= 0) {
        order.addAll(branches.get(last));
      }
      firstFailure(start, order, bothCreate).filter(told::add)
          .ifPresent(failure -> failing.add(new BranchOrders(failure)));
    }
    return failing;
  }

  private static Optional<String> firstFailure(Schema start, List<MigrationScript> order, Set<String> bothCreate) {
    Schema schema = start;
    for (MigrationScript script : order) {
      for (Operation operation : script.upgradeOperations()) {
        try {
          schema = operation.applyTo(schema);
        } catch (IllegalArgumentException | UserError e) {
          String created = operation instanceof AddColumn add ? add.table() + "." + add.column().name()
              : operation.subject();
          if (bothCreate.contains(created)) {
            return Optional.empty();
          }
          List<MigrationScript> before = order.subList(0, order.indexOf(script));
          return Optional.of("a database that runs " + (before.isEmpty() ? script.label() + " first"
              : RevisionHistory.labels(before) + " before " + script.label()) + " fails at its "
              + operation.describe() + " (" + e.getMessage()
              + "); a new database runs the branches in history order, one that had a branch runs the others after"
              + " it: change that migration so that it applies in either order (the merge runs after both, too late)");
        }
      }
    }
    return Optional.empty();
  }
}
