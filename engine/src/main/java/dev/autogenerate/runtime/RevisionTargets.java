package dev.autogenerate.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an upgrade, downgrade or stamp target names, from where the database is. On a linear
 * history every form means what it always did; on a branching one:
 *
 * <ul>
 *   <li>{@code head} is the one head; with several it is refused, naming them and the fix
 *       ({@code merge}, or {@code heads});
 *   <li>{@code heads} is every head;
 *   <li>a revision (id or unique prefix) is that revision with its ancestors, for an upgrade;
 *       for a downgrade, the revision stays and whatever applied descends from it is reverted,
 *       so revisions on another branch stay applied;
 *   <li>{@code +N} is the next N revisions not applied yet, in history order, and {@code -N} the
 *       last N applied, in reverse history order: {@code downgrade -1} from a merge reverts the
 *       merge alone, leaving the database at both of its parents.
 * </ul>
 */
final class RevisionTargets {

  private RevisionTargets() {}

  /**
   * Whether the target counts from where the database is ({@code +1}, {@code -2}): a command
   * resolves it where it first read the database, before waiting for the migration lock, so that
   * several processes asked for one step each take that step once between them rather than one
   * step each from where the last left it (a rollback job run by three replicas, each with
   * {@code downgrade -1}, reverted three revisions).
   */
  static boolean isRelative(String spec) {
    return spec.trim().matches("[+-]\\d+");
  }

  /** The steps of a relative target; none is no target ({@code downgrade -0} said "Already at -0"). */
  private static int steps(String target) {
    // Six digits is more revisions than a history holds; more overflowed, or failed to parse.
    String digits = target.substring(1);
    if (digits.length() > 6) {
      throw new UserError("'" + target + "' is more steps than any history has: give a step count such as -1 or +1");
    }
    int steps = Integer.parseInt(target);
    if (steps == 0) {
      throw new UserError("'" + target + "' moves no revision: give a step count such as -1 or +1");
    }
    return steps;
  }

  private static UserError wrongWay(String target, String command) {
    return new UserError("'" + target + "' is a step " + (target.startsWith("+") ? "forward" : "back")
        + ": use " + command + " " + target);
  }

  /**
   * The revisions an upgrade must leave applied; whatever of them is not applied yet is applied.
   * Closed under parents.
   */
  static Set<String> toApply(RevisionHistory history, String spec, AppliedRevisions applied) {
    String target = spec.trim();
    switch (target) {
      case "head":
        return history.singleHead("run autogenerate merge -m \"MESSAGE\" to join them, or autogenerate upgrade heads"
                + " to apply them all")
            .map(head -> history.ancestors(List.of(head.id())))
            .orElse(Set.of());
      case "heads":
        return history.ancestors(history.heads().stream().map(MigrationScript::id).toList());
      case RevisionHistory.BASE:
        if (!applied.isBase()) {
          throw behind(history, target, applied);
        }
        return Set.of();
      default:
        break;
    }
    if (target.matches("[+-]\\d+")) {
      int steps = steps(target);
      if (steps < 0) {
        throw wrongWay(target, "downgrade");
      }
      List<MigrationScript> pending =
          history.revisions().stream().filter(script -> !applied.contains(script.id())).toList();
      if (steps > pending.size()) {
        throw new UserError("cannot move " + target + " from " + history.describe(applied) + ": "
            + pending.size() + " revision(s) are not applied yet");
      }
      return history.ancestors(pending.subList(0, steps).stream().map(MigrationScript::id).toList());
    }
    // A revision applied already is reached: nothing to apply (a step back is downgrade's, and
    // only when asked for).
    return history.ancestors(List.of(history.resolveRevision(target).id()));
  }

  /** The revisions a downgrade reverts, each after whatever applied revises it. */
  static Set<String> toRevert(RevisionHistory history, String spec, AppliedRevisions applied) {
    String target = spec.trim();
    if (target.equals(RevisionHistory.BASE)) {
      return applied.ids();
    }
    if (target.matches("[+-]\\d+")) {
      int steps = -steps(target);
      if (steps < 0) {
        throw wrongWay(target, "upgrade");
      }
      List<MigrationScript> appliedInOrder = history.inOrder(applied.ids());
      if (steps > appliedInOrder.size()) {
        throw new UserError("cannot move " + target + " from " + history.describe(applied) + ": "
            + appliedInOrder.size() + " revision(s) are applied");
      }
      Set<String> last = new HashSet<>();
      appliedInOrder.subList(appliedInOrder.size() - steps, appliedInOrder.size())
          .forEach(script -> last.add(script.id()));
      return last;
    }
    List<MigrationScript> kept = target.equals("heads") ? history.heads() : List.of(history.resolveRevision(target));
    Set<String> revert = new HashSet<>();
    for (MigrationScript revision : kept) {
      if (!applied.contains(revision.id())) {
        throw ahead(history, target, applied);
      }
      history.descendants(revision.id()).stream().filter(applied::contains).forEach(revert::add);
    }
    return revert;
  }

  /** The revisions a stamp records as applied, whatever is applied now. */
  static Set<String> toStamp(RevisionHistory history, String spec, AppliedRevisions applied) {
    String target = spec.trim();
    if (target.equals(RevisionHistory.BASE)) {
      return Set.of();
    }
    if (target.matches("\\+\\d+")) {
      Set<String> ids = new HashSet<>(applied.ids());
      ids.addAll(toApply(history, target, applied));
      return ids;
    }
    if (target.matches("-\\d+")) {
      Set<String> ids = new HashSet<>(applied.ids());
      ids.removeAll(toRevert(history, target, applied));
      return ids;
    }
    if (target.equals("heads")) {
      return history.ancestors(history.heads().stream().map(MigrationScript::id).toList());
    }
    if (target.equals("head")) {
      return history.singleHead("run autogenerate merge -m \"MESSAGE\" to join them, or stamp heads")
          .map(head -> history.ancestors(List.of(head.id())))
          .orElse(Set.of());
    }
    if (target.contains(",")) {
      // Several revisions, as current lists a database at several heads: each with its ancestors.
      List<String> ids = new ArrayList<>();
      for (String each : target.split(",")) {
        ids.add(history.resolveRevision(each.trim()).id());
      }
      return history.ancestors(ids);
    }
    return history.ancestors(List.of(history.resolveRevision(target).id()));
  }

  private static UserError behind(RevisionHistory history, String target, AppliedRevisions applied) {
    return new UserError("revision " + target + " is behind the current one (" + history.describe(applied)
        + "): use downgrade to go back");
  }

  private static UserError ahead(RevisionHistory history, String target, AppliedRevisions applied) {
    return new UserError("revision " + target + " is not applied (the database is at " + history.describe(applied)
        + "): use upgrade to go forward");
  }
}
