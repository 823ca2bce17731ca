package dev.autogenerate.schema;

/**
 * A sequence, such as the {@code users_seq} Hibernate uses for {@code @GeneratedValue}. Compared by
 * increment; the start value is not compared, since a live sequence has moved on from it.
 *
 * @param ownedBy the column, as {@code table.column}, the sequence belongs to, or null for a sequence
 *     of its own: on PostgreSQL a {@code serial} column's sequence, which the database made with the
 *     column and drops with it. The diff never creates nor drops such a sequence (its column does),
 *     but an entity may take its ids from it ({@code @SequenceGenerator(sequenceName =
 *     "orders_id_seq")} on an adopted serial id), and then it is there already.
 */
public record Sequence(String name, long startWith, long incrementBy, String ownedBy) {

  public Sequence {
    Identifiers.requireValid(name, "sequence name");
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
    }
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
    return new Sequence(name, startWith, newIncrement, ownedBy);
  }

  /** This sequence under another name, still its column's when it was. */
  public Sequence withName(String newName) {
    return new Sequence(newName, startWith, incrementBy, ownedBy);
  }
}
