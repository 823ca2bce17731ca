package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables a table rename takes along: those JPA names after the entity, an
 * {@code @ElementCollection}'s {@code person_addresses} keyed by {@code person_id}, which the
 * entities now map as {@code human_addresses} keyed by {@code human_id}. Where the database has
 * the old table only, and it has the new one's columns once the old name in front of theirs is
 * the new one, it is renamed with them, keeping its rows, rather than dropped and created empty.
 *
 * <p>The name in front is the table's where the table is named after its entity (and in Spring
 * Boot's naming, always); JPA's own names the collection table after the entity, whatever the
 * table's name ({@code @Table(name = "customers")} on {@code Customer}: {@code customer_tags}).
 * That one is found by its foreign key instead: an old table referencing the renamed one, and a
 * new table referencing it under its new name, their names alike after their first words
 * ({@code customer_tags}, {@code client_tags}), each the only such match of the other. Anything
 * else is a drop and a create, as stated (and a warning with its rows).
 */
final class CollectionTableRenames {

  private CollectionTableRenames() {}

  /** A table taken along, and the name in front of its own and its columns' names, before and after. */
  private record Following(Table old, String now, String oldPrefix, String newPrefix) {}

  /**
   * @param renames the renames decided so far, in order
   * @param renamed the database as those renames leave it
   * @param wanted the entities' schema
   */
  static List<Change> following(List<Change> renames, Schema renamed, Schema wanted) {
    List<Change> following = new ArrayList<>();
    Schema schema = renamed;
    for (Change change : renames) {
      if (!(change.operation() instanceof RenameTable table)) {
        continue;
      }
      for (Following taken : takenAlong(schema, wanted, table)) {
        String reason = "table of " + table.from() + ", renamed with it to " + table.to() + ": it keeps its rows";
        RenameTable renameTable = new RenameTable(taken.old().name(), taken.now());
        following.add(new Change(renameTable, reason));
        schema = renameTable.applyTo(schema);
        for (Column column : taken.old().columns()) {
          String followed = columnFollowing(column.name(), taken.oldPrefix(), taken.newPrefix());
          if (!followed.equals(column.name())) {
            RenameColumn renameColumn = new RenameColumn(taken.now(), column.name(), followed);
            following.add(new Change(renameColumn, "column of " + table.from() + ", renamed with it"));
            schema = renameColumn.applyTo(schema);
          }
        }
      }
    }
    return following;
  }

  /** The tables of the database that follow this rename, by the table's name or else by a foreign key. */
  private static List<Following> takenAlong(Schema schema, Schema wanted, RenameTable table) {
    List<Following> taken = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    String from = Schema.unqualified(table.from());
    String to = Schema.unqualified(table.to());
    for (Table old : List.copyOf(schema.tables().values())) {
      String now = SequenceRenames.followed(old.name(), table.from(), table.to());
      if (now != null && free(old, now, schema, wanted) && sameColumnsFollowing(old, wanted.requireTable(now), from, to)) {
        taken.add(new Following(old, now, from, to));
        claimed.add(now);
      }
    }
    for (Table old : List.copyOf(schema.tables().values())) {
      if (wanted.hasTable(old.name()) || taken.stream().anyMatch(done -> done.old() == old) || !references(old, table.to())) {
        continue;
      }
      List<Following> matches = byReference(old, schema, wanted, table).stream()
          .filter(match -> !claimed.contains(match.now())).toList();
      if (matches.size() == 1 && onlyOldFor(matches.get(0), schema, wanted, table)) {
        taken.add(matches.get(0));
        claimed.add(matches.get(0).now());
      }
    }
    return taken;
  }

  /** The new tables referencing the renamed one that {@code old} may be: alike after their first words, columns following. */
  private static List<Following> byReference(Table old, Schema schema, Schema wanted, RenameTable table) {
    List<Following> matches = new ArrayList<>();
    for (Table now : wanted.tables().values()) {
      if (!free(old, now.name(), schema, wanted) || !references(now, table.to())) {
        continue;
      }
      commonTail(old.name(), now.name()).ifPresent(tail -> {
        String oldPrefix = Schema.unqualified(old.name()).substring(0, Schema.unqualified(old.name()).length() - tail.length());
        String newPrefix = Schema.unqualified(now.name()).substring(0, Schema.unqualified(now.name()).length() - tail.length());
        if (sameColumnsFollowing(old, now, oldPrefix, newPrefix)) {
          matches.add(new Following(old, now.name(), oldPrefix, newPrefix));
        }
      });
    }
    return matches;
  }

  /** Whether no other old table of the database would be taken to {@code match}'s new table. */
  private static boolean onlyOldFor(Following match, Schema schema, Schema wanted, RenameTable table) {
    return schema.tables().values().stream()
        .filter(other -> other != match.old() && !wanted.hasTable(other.name()) && references(other, table.to()))
        .noneMatch(other -> byReference(other, schema, wanted, table).stream()
            .anyMatch(candidate -> candidate.now().equals(match.now())));
  }

  /**
   * The longest end the two names share that starts after an underscore in both ({@code _tags} of
   * {@code customer_tags} and {@code client_tags}), leaving a different word in front of each.
   */
  static Optional<String> commonTail(String oldName, String newName) {
    String old = Schema.unqualified(oldName);
    String now = Schema.unqualified(newName);
    int shared = 0;
    while (shared < Math.min(old.length(), now.length())
        && old.charAt(old.length() - 1 - shared) == now.charAt(now.length() - 1 - shared)) {
      shared++;
    }
    // Back to an underscore both have at the same place from the end, with a word in front of it.
    for (int length = shared; length > 1; length--) {
      int oldAt = old.length() - length;
      int newAt = now.length() - length;
      if (old.charAt(oldAt) == '_' && oldAt > 0 && newAt > 0) {
        return Optional.of(old.substring(oldAt));
      }
    }
    return Optional.empty();
  }

  /** Whether the old table may become this new one: it is not mapped, and the new one is mapped and not there yet. */
  private static boolean free(Table old, String now, Schema schema, Schema wanted) {
    return !wanted.hasTable(old.name()) && !schema.hasTable(now) && wanted.hasTable(now)
        && java.util.Objects.equals(Schema.schemaOf(old.name()), Schema.schemaOf(now));
  }

  private static boolean references(Table table, String referenced) {
    return table.foreignKeys().stream().map(ForeignKey::referencedTable).anyMatch(referenced::equals);
  }

  /** The same column names once each old prefix is the new one. */
  private static boolean sameColumnsFollowing(Table old, Table now, String oldPrefix, String newPrefix) {
    if (old.columns().size() != now.columns().size()) {
      return false;
    }
    return old.columns().stream().allMatch(column -> now.hasColumn(columnFollowing(column.name(), oldPrefix, newPrefix)));
  }

  /** A column named after the old prefix ({@code person_id}) under the new one, else as it is. */
  private static String columnFollowing(String column, String oldPrefix, String newPrefix) {
    String followed = SequenceRenames.followed(column, oldPrefix, newPrefix);
    return followed == null ? column : followed;
  }
}
