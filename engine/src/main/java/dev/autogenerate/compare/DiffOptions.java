package dev.autogenerate.compare;

import dev.autogenerate.changes.CompareHook;
import java.util.Optional;

/**
 * How to compare.
 *
 * @param naming names for the constraints and indexes the mapping leaves unnamed
 * @param dropUnmappedIndexes whether an index that exists only in the database is dropped; by
 *     default it is reported and left alone, since DBAs add indexes the mapping does not know
 * @param dropUnmapped whether tables, foreign keys, uniques, checks and indexes the entities do not
 *     map are dropped even when no migration created them; by default such objects belong to
 *     someone else (a DBA, another tool) and are reported, not dropped
 * @param hook the project's review of each proposed change; {@link #KEEP_ALL} when it has none
 */
public record DiffOptions(NamingConvention naming, boolean dropUnmappedIndexes, boolean dropUnmapped, CompareHook hook) {

  /** The hook of a project that has none: every change is kept as proposed. */
  public static final CompareHook KEEP_ALL = Optional::of;

  public DiffOptions(NamingConvention naming, boolean dropUnmappedIndexes) {
    this(naming, dropUnmappedIndexes, false, KEEP_ALL);
  }

  public static DiffOptions defaults() {
    return new DiffOptions(NamingConvention.defaults(), false);
  }

  public DiffOptions withHook(CompareHook other) {
    return new DiffOptions(naming, dropUnmappedIndexes, dropUnmapped, other);
  }
}
