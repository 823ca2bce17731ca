package dev.autogenerate.schema;

import java.util.List;

/**
 * A sequence, such as the {@code users_seq} Hibernate uses for {@code @GeneratedValue}. Compared by
 * increment; the start value is not compared, since a live sequence has moved on from it.
 *
 * @param ownedBy the column, as {@code table.column}, the sequence belongs to, or null for a sequence
 *     of its own: on PostgreSQL a {@code serial} column's sequence, which the database made with the
 *     column and drops with it. The diff never creates nor drops such a sequence (its column does),
 *     but an entity may take its ids from it ({@code @SequenceGenerator(sequenceName =
 *     "orders_id_seq")} on an adopted serial id), and then it is there already.
 * @param feeds the id columns, as {@code table.column}, the entities take from this sequence, in
 *     their order; empty for a sequence read from a database or a migration, neither of which says
 *     it. A sequence the migration creates for a table that has rows must start past their ids.
 */
public record Sequence(String name, long startWith, long incrementBy, String ownedBy, List<String> feeds) {

  public Sequence {
    Identifiers.requireValid(name, "sequence name");
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
    }
    feeds = List.copyOf(feeds);
  }

  /** A sequence as a database has it: its column's when {@code ownedBy} is not null. */
  public Sequence(String name, long startWith, long incrementBy, String ownedBy) {
    this(name, startWith, incrementBy, ownedBy, List.of());
  }

  /** A sequence of its own, as the entities and the migrations make them. */
  public Sequence(String name, long startWith, long incrementBy) {
    this(name, startWith, incrementBy, null);
  }

  /** {@code sequence("users_seq", 1, 50)}. */
  public static Sequence sequence(String name, long startWith, long incrementBy) {
    return new Sequence(name, startWith, incrementBy);
  }

  /** Whether it belongs to this table's column, or to any of its columns when {@code column} is null. */
  public boolean isOwnedBy(String table, String column) {
    return ownedBy != null && (column == null
        ? ownedBy.startsWith(table + ".") && ownedBy.indexOf('.', table.length() + 1) < 0
        : ownedBy.equals(table + "." + column));
  }

  /** This sequence with another increment, still its column's when it was. */
  public Sequence withIncrement(long newIncrement) {
    return new Sequence(name, startWith, newIncrement, ownedBy, feeds);
  }

  /** This sequence under another name, still its column's when it was. */
  public Sequence withName(String newName) {
    return new Sequence(newName, startWith, incrementBy, ownedBy, feeds);
  }

  /** This sequence as a migration creates it: what the entities take from it is theirs to say. */
  public Sequence withoutFeeds() {
    return feeds.isEmpty() ? this : new Sequence(name, startWith, incrementBy, ownedBy);
  }
}
