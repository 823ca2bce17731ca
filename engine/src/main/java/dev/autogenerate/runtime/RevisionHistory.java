package dev.autogenerate.runtime;

import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revisions as a graph: each names the revisions it revises (its parents), so the history
 * may branch (two revisions revise the same one, as when two developers each ran {@code -m}) and
 * merge again (a revision revises several). The heads are the revisions nothing revises.
 *
 * <p>The revisions are kept in one order, parents before children, ties broken by the order
 * they were given in (the migrations' class names, which start with their creation time): the
 * order upgrades apply them in, downgrades revert them in reverse, and {@code history} lists
 * newest first. A linear history is simply its line.
 */
public final class RevisionHistory {

  /** The state before the first revision: an empty database. */
  public static final String BASE = "base";

  private final List<MigrationScript> ordered;
  private final Map<String, MigrationScript> byId;
  private final Map<String, Integer> positions;
  private final Map<String, List<MigrationScript>> children;

  private RevisionHistory(List<MigrationScript> ordered, Map<String, List<MigrationScript>> children) {
    this.ordered = List.copyOf(ordered);
    this.byId = new HashMap<>();
    this.positions = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      byId.put(ordered.get(i).id(), ordered.get(i));
      positions.put(ordered.get(i).id(), i);
    }
    this.children = children;
  }

  /**
   * Builds the graph from the scripts' {@code revises} links.
   *
   * @throws UserError for duplicate ids, unknown parents or a cycle
   */
  public static RevisionHistory of(List<MigrationScript> scripts) {
    Map<String, MigrationScript> byId = new HashMap<>();
    for (MigrationScript script : scripts) {
      MigrationScript clash = byId.put(script.id(), script);
      if (clash != null) {
        throw new UserError("revision id " + script.id() + " is used by both " + clash.origin()
            + " and " + script.origin() + ": give one of them a new id");
      }
    }
    Map<String, List<MigrationScript>> children = new HashMap<>();
    for (MigrationScript script : scripts) {
      children.put(script.id(), new ArrayList<>());
    }
    for (MigrationScript script : scripts) {
      for (String parent : script.parents()) {
        if (!byId.containsKey(parent)) {
          throw new UserError(script.origin() + " revises " + parent
              + ", which no migration defines: restore that migration or fix revises");
        }
        children.get(parent).add(script);
      }
    }
    // Kahn's algorithm, always taking the earliest given revision whose parents are all placed.
    Map<String, Integer> given = new HashMap<>();
    for (int i = 0; i < scripts.size(); i++) {
      given.put(scripts.get(i).id(), i);
    }
    Map<String, Integer> unplaced = new HashMap<>();
    PriorityQueue<MigrationScript> ready = new PriorityQueue<>((a, b) -> Integer.compare(given.get(a.id()), given.get(b.id())));
    for (MigrationScript script : scripts) {
      unplaced.put(script.id(), script.parents().size());
      if (script.parents().isEmpty()) {
        ready.add(script);
      }
    }
    List<MigrationScript> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      MigrationScript next = ready.poll();
      ordered.add(next);
      for (MigrationScript child : children.get(next.id())) {
        if (unplaced.merge(child.id(), -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (ordered.size() != scripts.size()) {
      Set<String> placed = ordered.stream().map(MigrationScript::id).collect(Collectors.toSet());
      String cycle = scripts.stream().filter(script -> !placed.contains(script.id())).map(MigrationScript::origin)
          .collect(Collectors.joining(", "));
      throw new UserError("these migrations revise each other in a cycle: " + cycle + "; fix their revises");
    }
    Map<String, List<MigrationScript>> frozen = new HashMap<>();
    children.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
    return new RevisionHistory(ordered, frozen);
  }

  /** Every revision, parents before children. */
  public List<MigrationScript> revisions() {
    return ordered;
  }

  public boolean isEmpty() {
    return ordered.isEmpty();
  }

  /** Newest first, as {@code history} prints them. */
  public List<MigrationScript> newestFirst() {
    List<MigrationScript> reversed = new ArrayList<>(ordered);
    Collections.reverse(reversed);
    return reversed;
  }

  /** The revision with this id, if a migration defines it. */
  public Optional<MigrationScript> find(String revisionId) {
    return Optional.ofNullable(byId.get(revisionId));
  }

  /** The revision with this id, which must be one of the history's. */
  public MigrationScript get(String revisionId) {
    MigrationScript script = byId.get(revisionId);
    if (script == null) {
      throw new IllegalArgumentException("no revision " + revisionId);
    }
    return script;
  }

  /** The revisions that revise this one, in history order. */
  public List<MigrationScript> children(String revisionId) {
    return children.getOrDefault(revisionId, List.of());
  }

  /** The revisions nothing revises, in history order: one for a linear history, none when empty. */
  public List<MigrationScript> heads() {
    return ordered.stream().filter(script -> children(script.id()).isEmpty()).toList();
  }

  /** The revisions more than one revision revises: where the history branches. */
  public List<MigrationScript> branchPoints() {
    return ordered.stream().filter(script -> children(script.id()).size() > 1).toList();
  }

  /**
   * The one head, for what a second head would make ambiguous.
   *
   * @param fix what to do about several heads, for the message: {@code run autogenerate merge ...}
   * @return empty when the history has no revisions
   * @throws UserError naming the heads and the fix when there are several
   */
  public Optional<MigrationScript> singleHead(String fix) {
    List<MigrationScript> heads = heads();
    if (heads.size() > 1) {
      throw new UserError(describeHeads() + "; " + fix);
    }
    return heads.stream().findFirst();
  }

  /** {@code 2 heads: a1 (add age), b2 (add nickname)}. */
  public String describeHeads() {
    List<MigrationScript> heads = heads();
    return heads.size() + (heads.size() == 1 ? " head: " : " heads: ") + labels(heads);
  }

  /** Labels joined by commas: {@code a1 (add age), b2 (add nickname)}. */
  public static String labels(Collection<MigrationScript> scripts) {
    return scripts.stream().map(MigrationScript::label).collect(Collectors.joining(", "));
  }

  /** Each revision and all the revisions it descends from. */
  public Set<String> ancestors(Collection<String> revisionIds) {
    Set<String> found = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(revisionIds);
    while (!pending.isEmpty()) {
      String id = pending.pop();
      if (found.add(id)) {
        pending.addAll(get(id).parents());
      }
    }
    return found;
  }

  /** Every revision that descends from this one, not itself. */
  public Set<String> descendants(String revisionId) {
    Set<String> found = new HashSet<>();
    Deque<MigrationScript> pending = new ArrayDeque<>(children(revisionId));
    while (!pending.isEmpty()) {
      MigrationScript script = pending.pop();
      if (found.add(script.id())) {
        pending.addAll(children(script.id()));
      }
    }
    return found;
  }

  /** These revisions in history order. */
  public List<MigrationScript> inOrder(Collection<String> revisionIds) {
    Set<String> wanted = Set.copyOf(revisionIds);
    return ordered.stream().filter(script -> wanted.contains(script.id())).toList();
  }

  /**
   * Where a database whose version table lists these heads is: they and all their ancestors are
   * applied.
   *
   * @throws UnknownRevisionError when a head is a revision no migration defines
   */
  public AppliedRevisions appliedAt(Collection<String> heads) {
    for (String head : heads) {
      if (!byId.containsKey(head)) {
        throw new UnknownRevisionError(head);
      }
    }
    return appliedExactly(ancestors(heads));
  }

  /**
   * Why heads a version table lists are not one place in the history, when they are not: one
   * descends from another, so the revisions between them may never have run where the table says
   * they did (an offline script run on a database elsewhere than where it starts, a row written by
   * hand). Heads no migration defines are left to {@link #appliedAt} to refuse.
   */
  public Optional<String> inconsistency(Collection<String> heads) {
    for (String head : heads) {
      if (!byId.containsKey(head)) {
        continue;
      }
      for (String other : heads) {
        if (!other.equals(head) && byId.containsKey(other) && ancestors(List.of(other)).contains(head)) {
          return Optional.of("the database records both " + get(head).label() + " and " + get(other).label()
              + " as where it is, but the second builds on the first: the revisions between them may never have run"
              + " here (a script run on a database elsewhere than where it starts, or a version row written by hand);"
              + " find which are applied, record that with autogenerate stamp REV (REV1,REV2 for a database at"
              + " several heads), then upgrade");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The revisions a database skipped, when it did: an ancestor of where its version table says it
   * is that its history table does not list as applied. The history was reordered after the
   * database applied a descendant (a branch's {@code revises} edited to follow another branch
   * instead of a merge), and the version table alone would count the ancestor as applied: no
   * upgrade would ever run it. Empty where nothing was skipped, or where the history table is
   * unknown.
   *
   * @param heads the version table's heads; those no migration defines are left out
   * @param ran the revisions the history table lists as applied
   */
  public Optional<String> skipped(Collection<String> heads, Set<String> ran) {
    List<String> known = heads.stream().filter(byId::containsKey).toList();
    // A gap in the middle: below a revision the history table lists. One with nothing listed
    // below it is where the table's record starts (a database an earlier release migrated, then
    // an offline script moved on, which creates the table without its past): no reorder.
    // Not a head itself: a head can lack its row without a reorder (stamp --sql moves the version
    // table and adds no history row). RecordedRevisions reads both tables at once, so a revision
    // another process applies or reverts meanwhile is not half seen.
    List<MigrationScript> never = inOrder(ancestors(known)).stream()
        .filter(script -> !ran.contains(script.id()) && !known.contains(script.id()))
        .filter(script -> ancestors(script.parents()).stream().anyMatch(ran::contains)).toList();
    if (never.isEmpty()) {
      return Optional.empty();
    }
    Set<String> neverIds = never.stream().map(MigrationScript::id).collect(Collectors.toSet());
    MigrationScript builtOn = revisions().stream()
        .filter(script -> ran.contains(script.id()) && script.parents().stream().anyMatch(neverIds::contains))
        .findFirst().orElse(get(known.get(0)));
    return Optional.of("revision " + labels(never) + " never ran on this database, though " + builtOn.label()
        + ", which it applied, now builds on " + (never.size() == 1 ? "it" : "them") + ": the history was reordered"
        + " after this database applied that revision (a revises= edited to move a branch after another), so no"
        + " upgrade would run " + (never.size() == 1 ? "it" : "them") + "; put the revises= back as it was and join"
        + " the branches with autogenerate merge. Nothing was changed here");
  }

  /** The state with exactly these revisions applied; the set must hold each one's ancestors. */
  public AppliedRevisions appliedExactly(Set<String> revisionIds) {
    List<String> heads = inOrder(revisionIds).stream()
        .filter(script -> children(script.id()).stream().noneMatch(child -> revisionIds.contains(child.id())))
        .map(MigrationScript::id)
        .toList();
    return new AppliedRevisions(heads, revisionIds);
  }

  /**
   * The state after applying a revision that {@linkplain AppliedRevisions#canApply can be applied},
   * worked out from the heads alone (an upgrade asks after each of its revisions, and walking the
   * whole history each time made a long upgrade quadratic): the revision's parents stop being
   * heads, since it revises them, and it becomes one, since what revises it needs it applied
   * first; every other head stays one.
   */
  public AppliedRevisions afterApplying(AppliedRevisions applied, MigrationScript script) {
    Set<String> ids = new HashSet<>(applied.ids());
    ids.add(script.id());
    List<String> heads = new ArrayList<>(applied.heads().size() + 1);
    for (String head : applied.heads()) {
      if (!script.parents().contains(head)) {
        heads.add(head);
      }
    }
    heads.add(script.id());
    heads.sort(Comparator.comparing(positions::get));
    return new AppliedRevisions(heads, ids);
  }

  /** The state after reverting a revision that {@linkplain AppliedRevisions#canRevert can be reverted}. */
  public AppliedRevisions afterReverting(AppliedRevisions applied, MigrationScript script) {
    Set<String> ids = new HashSet<>(applied.ids());
    ids.remove(script.id());
    return appliedExactly(ids);
  }

  /** {@code base}, or the heads' labels: {@code a1 (add age), b2 (add nickname)}. */
  public String describe(AppliedRevisions applied) {
    return applied.isBase() ? BASE : labels(inOrder(applied.heads()));
  }

  /** The shortest prefix that names a revision: a digit or two reads as a count or a mistake. */
  static final int SHORTEST_PREFIX = 4;

  /**
   * The one revision a spec names: {@code head} (when there is one), or a revision id or a
   * unique prefix of one, of at least {@link #SHORTEST_PREFIX} characters.
   *
   * @throws UserError for an unknown or ambiguous spec, or {@code head} with several heads
   */
  public MigrationScript resolveRevision(String spec) {
    String target = spec.trim();
    if (target.equals("head")) {
      return singleHead("name one of them").orElseThrow(() -> new UserError("no migrations yet, so no head"));
    }
    // A whole id names its revision even where it also begins another one (abc and abc123).
    Optional<MigrationScript> exact = find(target);
    if (exact.isPresent()) {
      return exact.get();
    }
    if (target.length() < SHORTEST_PREFIX) {
      // `downgrade 0` took 0 for the prefix of 0f8d7e51af6f and reverted four revisions.
      throw new UserError("'" + spec + "' names no revision: give at least " + SHORTEST_PREFIX + " characters of"
          + " its id (`autogenerate history` lists them), base, head, or a step count such as -1");
    }
    List<MigrationScript> matches = ordered.stream().filter(script -> script.id().startsWith(target)).toList();
    if (matches.isEmpty()) {
      throw new UserError("unknown revision '" + spec + "': run `autogenerate history` to list revisions");
    }
    if (matches.size() > 1) {
      throw new UserError("revision prefix '" + spec + "' is ambiguous (" + labels(matches)
          + "): give more characters of the id");
    }
    return matches.get(0);
  }

  /**
   * The schema the applied revisions record, replayed in history order without a database: what
   * the migrations created, as they spelled it. An operation on what they did not create does not
   * apply and is passed over: what raw SQL ({@code op.execute}) made and a later operation alters,
   * what the database had before the first migration and one drops, what a hand-written revision
   * changes of a table made by hand. Its object stays unknown here, as any object no migration
   * created, and the rest of the history is recorded all the same.
   */
  public Schema replay(AppliedRevisions applied) {
    return replayed(applied, true, null).orElseThrow();
  }

  /**
   * {@link #replay}'s, but empty where an operation does not apply: for an offline script, whose
   * statements are written from the schema replayed and must find every object they change.
   */
  public Optional<Schema> replayStrictly(AppliedRevisions applied) {
    return replayed(applied, false, null);
  }

  /**
   * The schema the applied revisions record as theirs: {@link #replay}'s, without the objects a
   * revision left to the database ({@link DatabasesOwn}), which a comparison leaves alone as any
   * object no migration created.
   */
  public Schema replayOwned(AppliedRevisions applied) {
    return ownedReplay(applied).schema();
  }

  /**
   * {@link #replayOwned}'s schema, and what the applied revisions left to the database ({@code
   * op.leaveIndexToDatabase} and the like, as {@link DatabasesOwn} follows the marks through the
   * revisions after them), from one replay: each runs every revision's upgrade.
   */
  public OwnedReplay ownedReplay(AppliedRevisions applied) {
    DatabasesOwn own = new DatabasesOwn();
    Schema replayed = replayed(applied, true, own).orElseThrow();
    return new OwnedReplay(own.strip(replayed), own.left());
  }

  /** The schema the applied revisions record as theirs, and the objects they left to the database. */
  public record OwnedReplay(Schema schema, List<LeaveToDatabase> left) {

    public OwnedReplay {
      left = List.copyOf(left);
    }
  }

  /** The schema replayed; empty only where an operation does not apply and is not passed over. */
  private Optional<Schema> replayed(AppliedRevisions applied, boolean passingOver, DatabasesOwn own) {
    Schema schema = Schema.EMPTY;
    for (MigrationScript script : inOrder(applied.ids())) {
      for (Operation operation : script.upgradeOperations()) {
        try {
          schema = operation.applyTo(schema);
          if (own != null) {
            own.follow(operation);
          }
        } catch (IllegalArgumentException | UserError e) {
          if (!passingOver) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(schema);
  }

  /** The SQL of every {@code op.execute} in these revisions' upgrades, in the order they run. */
  public List<String> executedSql(AppliedRevisions applied) {
    List<String> sql = new ArrayList<>();
    for (MigrationScript script : inOrder(applied.ids())) {
      for (Operation operation : script.upgradeOperations()) {
        if (operation instanceof ExecuteSql execute) {
          sql.add(execute.sql());
        }
      }
    }
    return sql;
  }

  /**
   * What alone decides {@link #replay}'s result for these revisions, when each revision can say
   * ({@link MigrationScript#identity}): their identities in the order they replay. Empty when
   * one cannot, or the replay must run to know.
   */
  public Optional<String> replayIdentity(AppliedRevisions applied) {
    StringBuilder identity = new StringBuilder();
    for (MigrationScript script : inOrder(applied.ids())) {
      Optional<String> each = script.identity();
      if (each.isEmpty()) {
        return Optional.empty();
      }
      identity.append(each.get()).append('\n');
    }
    return Optional.of(identity.toString());
  }

  /** The schema a revision and its ancestors record (null: base), as {@link #replay} gives it. */
  public Schema replayUpTo(String revisionId) {
    return replay(appliedAt(revisionId == null ? List.of() : List.of(revisionId)));
  }

  /** Each branch point and the revisions that revise it, for {@code branches}. */
  public Map<MigrationScript, List<MigrationScript>> branches() {
    Map<MigrationScript, List<MigrationScript>> branches = new LinkedHashMap<>();
    branchPoints().forEach(point -> branches.put(point, children(point.id())));
    return branches;
  }
}
