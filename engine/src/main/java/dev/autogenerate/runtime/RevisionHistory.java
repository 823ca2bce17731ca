package dev.autogenerate.runtime;

import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revisions in order, from the first to the head. Each revision names the one it revises;
 * the history must be a single line (branches and merges are not supported yet).
 */
public final class RevisionHistory {

  /** The state before the first revision: an empty database. */
  public static final String BASE = "base";

  private final List<MigrationScript> ordered;

  private RevisionHistory(List<MigrationScript> ordered) {
    this.ordered = List.copyOf(ordered);
  }

  /**
   * Orders the scripts by their {@code revises} links.
   *
   * @throws UserError for duplicate ids, unknown parents, several first revisions or a branch
   */
  public static RevisionHistory of(List<MigrationScript> scripts) {
    Map<String, MigrationScript> byId = new HashMap<>();
    Map<String, MigrationScript> childOf = new HashMap<>();
    MigrationScript first = null;
    for (MigrationScript script : scripts) {
      MigrationScript clash = byId.put(script.id(), script);
      if (clash != null) {
        throw new UserError("revision id " + script.id() + " is used by both " + clash.origin()
            + " and " + script.origin() + ": give one of them a new id");
      }
    }
    for (MigrationScript script : scripts) {
      if (script.revises() == null) {
        if (first != null) {
          throw new UserError("two migrations start the history: " + first.origin() + " and "
              + script.origin() + "; set revises on one of them to the other's id");
        }
        first = script;
        continue;
      }
      if (!byId.containsKey(script.revises())) {
        throw new UserError(script.origin() + " revises " + script.revises()
            + ", which no migration defines: restore that migration or fix revises");
      }
      MigrationScript sibling = childOf.put(script.revises(), script);
      if (sibling != null) {
        throw new UserError("the history branches: " + sibling.origin() + " and " + script.origin()
            + " both revise " + script.revises() + "; make one of them revise the other");
      }
    }
    List<MigrationScript> ordered = new ArrayList<>();
    for (MigrationScript next = first; next != null; next = childOf.get(next.id())) {
      ordered.add(next);
    }
    if (ordered.size() != scripts.size()) {
      throw new UserError("some migrations are not reachable from the first revision (a revises cycle?)");
    }
    return new RevisionHistory(ordered);
  }

  public List<MigrationScript> revisions() {
    return ordered;
  }

  public boolean isEmpty() {
    return ordered.isEmpty();
  }

  /** The newest revision's id, or null when there is none. */
  public String head() {
    return ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).id();
  }

  /** The position of a revision (0 for the first), or -1 for base (null). */
  public int position(String revisionId) {
    if (revisionId == null) {
      return -1;
    }
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).id().equals(revisionId)) {
        return i;
      }
    }
    throw new UserError("the database is at revision " + revisionId
        + ", which no migration defines: restore that migration, or point the tool at the right migrations directory");
  }

  /** The revision with this id, if a migration defines it. */
  public Optional<MigrationScript> find(String revisionId) {
    return ordered.stream().filter(script -> script.id().equals(revisionId)).findFirst();
  }

  public MigrationScript get(int position) {
    return ordered.get(position);
  }

  /**
   * The position an upgrade or downgrade target names.
   *
   * @param spec {@code head}, {@code base}, {@code +N}, {@code -N}, or a revision id or unique prefix
   * @param current the position now (-1 for base)
   */
  public int resolve(String spec, int current) {
    String target = spec.trim();
    if (target.equals("head") || target.equals("heads")) {
      return ordered.size() - 1;
    }
    if (target.equals(BASE)) {
      return -1;
    }
    if (target.matches("[+-]\\d+")) {
      int position = current + Integer.parseInt(target);
      if (position < -1 || position >= ordered.size()) {
        throw new UserError("cannot move " + target + " from " + describePosition(current) + ": the history has "
            + ordered.size() + " revision(s)");
      }
      return position;
    }
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).id().startsWith(target)) {
        matches.add(i);
      }
    }
    if (matches.isEmpty()) {
      throw new UserError("unknown revision '" + spec + "': run `autogenerate history` to list revisions");
    }
    if (matches.size() > 1) {
      throw new UserError("revision prefix '" + spec + "' is ambiguous: give more characters of the id");
    }
    return matches.get(0);
  }

  public String describePosition(int position) {
    return position < 0 ? BASE : ordered.get(position).label();
  }

  /**
   * The schema the revisions up to {@code revisionId} (null: none) record, replayed without a
   * database; empty when a migration's operations do not replay (raw SQL that created what a
   * later operation changes, say).
   */
  public Optional<Schema> replayUpTo(String revisionId) {
    Schema schema = Schema.EMPTY;
    int last = position(revisionId);
    try {
      for (int i = 0; i <= last; i++) {
        for (Operation operation : ordered.get(i).upgradeOperations()) {
          schema = operation.applyTo(schema);
        }
      }
      return Optional.of(schema);
    } catch (IllegalArgumentException | UserError e) {
      return Optional.empty();
    }
  }

  /** Newest first, as {@code history} prints them. */
  public List<MigrationScript> newestFirst() {
    List<MigrationScript> reversed = new ArrayList<>(ordered);
    Collections.reverse(reversed);
    return reversed;
  }
}
