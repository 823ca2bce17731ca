package dev.autogenerate.schema;

/**
 * A sequence, such as the {@code users_seq} Hibernate uses for {@code @GeneratedValue}. Compared by
 * increment; the start value is not compared, since a live sequence has moved on from it.
 */
public record Sequence(String name, long startWith, long incrementBy) {

  public Sequence {
    Identifiers.requireValid(name, "sequence name");
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
    }
  }

  /** {@code sequence("users_seq", 1, 50)}. */
  public static Sequence sequence(String name, long startWith, long incrementBy) {
    return new Sequence(name, startWith, incrementBy);
  }
}
