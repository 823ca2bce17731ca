package dev.autogenerate.changes;

import dev.autogenerate.operations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes to one subject (a table, a sequence, an enum type) that run one after another. A
 * database that cannot alter a table in place (SQLite) rebuilds it once per group, however many
 * of its columns and constraints the group changes; the writer sets each group apart.
 *
 * @param subject the table, sequence or enum type every change here acts on ({@link
 *     Operation#subject()}); null for raw SQL, which is always a group of its own
 */
public record ChangeGroup(String subject, List<Change> changes) {

  public ChangeGroup {
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a change group holds at least one change");
    }
    for (Change change : changes) {
      if (!Objects.equals(change.operation().subject(), subject)) {
        throw new IllegalArgumentException(change.operation().describe() + " does not act on " + subject);
      }
    }
    if (subject == null && changes.size() > 1) {
      throw new IllegalArgumentException("raw SQL statements are groups of their own");
    }
  }

  /**
   * Changes grouped as they come: consecutive changes to the same subject form one group. Order
   * is kept exactly, since it may matter (a migration written by hand is run as written).
   */
  public static List<ChangeGroup> consecutive(List<Change> changes) {
    List<ChangeGroup> groups = new ArrayList<>();
    List<Change> run = new ArrayList<>();
    String subject = null;
    for (Change change : changes) {
      String next = change.operation().subject();
      if (!run.isEmpty() && (next == null || !next.equals(subject))) {
        groups.add(new ChangeGroup(subject, run));
        run = new ArrayList<>();
      }
      run.add(change);
      subject = next;
    }
    if (!run.isEmpty()) {
      groups.add(new ChangeGroup(subject, run));
    }
    return groups;
  }

  /** {@link #consecutive} for operations as a migration records them, without reasons. */
  public static List<ChangeGroup> ofOperations(List<Operation> operations) {
    return consecutive(operations.stream().map(Change::of).toList());
  }

  /** The operations of the groups, in order. */
  public static List<Operation> operationsOf(List<ChangeGroup> groups) {
    return groups.stream().flatMap(group -> group.operations().stream()).toList();
  }

  /** The changes of the groups, in order. */
  public static List<Change> changesOf(List<ChangeGroup> groups) {
    return groups.stream().flatMap(group -> group.changes().stream()).toList();
  }

  public List<Operation> operations() {
    return changes.stream().map(Change::operation).toList();
  }
}
