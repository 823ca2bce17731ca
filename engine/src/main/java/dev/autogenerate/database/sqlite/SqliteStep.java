package dev.autogenerate.database.sqlite;

import java.util.List;

/**
 * What one operation takes on SQLite.
 *
 * @param statements what the operation runs on its own (empty for {@link Need#REBUILD})
 * @param need whether it can run on its own or only as part of a rebuild of its table
 */
record SqliteStep(List<String> statements, Need need) {

  enum Need {
    /** {@code alter table} cannot do it: the table is rebuilt into its new shape. */
    REBUILD,
    /** It has statements of its own, and a rebuild of its table does it as well (a new index). */
    OWN_OR_REBUILD,
    /** It runs on its own: a rebuild pending on its table must be done first (raw SQL, a drop). */
    OWN
  }

  static SqliteStep rebuild() {
    return new SqliteStep(List.of(), Need.REBUILD);
  }

  static SqliteStep ownOrRebuild(List<String> statements) {
    return new SqliteStep(statements, Need.OWN_OR_REBUILD);
  }

  static SqliteStep own(List<String> statements) {
    return new SqliteStep(statements, Need.OWN);
  }
}
