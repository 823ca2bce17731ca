package dev.autogenerate.project;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The entities' tables and columns a database has that none of its applied migrations creates:
 * made beside them by hand, or by Hibernate itself on a development database
 * ({@code spring.jpa.hibernate.ddl-auto=update}). Comparing the database with the entities finds
 * nothing to do for them, so {@code -m} writes no step creating them, and a database built from
 * the migrations (a colleague's, CI's, production's) lacks them. The history's replay tells what
 * the migrations create; what raw SQL may create it cannot, so a table or column whose name an
 * {@code op.execute} of the applied revisions mentions is taken as created there.
 *
 * @param tables the tables, in the entities' order
 * @param columns the columns of tables the migrations do create, as {@code table.column}
 */
record MadeOutsideMigrations(List<String> tables, List<String> columns) {

  /** Nothing found, or nothing to compare with (no migration, a history that does not replay). */
  static final MadeOutsideMigrations NONE = new MadeOutsideMigrations(List.of(), List.of());

  MadeOutsideMigrations {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
  }

  /**
   * @param database the database's schema, spelled as the entities spell their names
   * @param entities the entities' schema, without the tables the tool does not own
   * @param recorded what the applied revisions create, replayed
   * @param executedSql the SQL of every {@code op.execute} of the applied revisions, asked for only
   *     when something is found (reading it may run every migration's upgrade)
   */
  static MadeOutsideMigrations in(Schema database, Schema entities, Schema recorded, Supplier<List<String>> executedSql) {
    List<String> tables = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (Table wanted : entities.tables().values()) {
      Optional<Table> there = database.table(wanted.name());
      if (there.isEmpty()) {
        continue;
      }
      Optional<Table> created = recorded.tables().values().stream()
          .filter(table -> sameName(table.name(), wanted.name())).findFirst();
      if (created.isEmpty()) {
        tables.add(wanted.name());
        continue;
      }
      for (Column column : wanted.columns()) {
        boolean inDatabase = there.get().columns().stream().anyMatch(held -> sameName(held.name(), column.name()));
        boolean inMigrations = created.get().columns().stream().anyMatch(made -> sameName(made.name(), column.name()));
        if (inDatabase && !inMigrations) {
          columns.add(wanted.name() + "." + column.name());
        }
      }
    }
    if (tables.isEmpty() && columns.isEmpty()) {
      return NONE;
    }
    String rawSql = String.join("\n", executedSql.get()).toLowerCase(Locale.ROOT);
    return new MadeOutsideMigrations(
        tables.stream().filter(table -> !mentioned(rawSql, table)).toList(),
        columns.stream().filter(column -> !mentioned(rawSql, column.substring(column.lastIndexOf('.') + 1))).toList());
  }

  /** Names as both databases may spell one table: SQLite takes any case, and so does this warning. */
  private static boolean sameName(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /** Whether the SQL names the object: its last name part as a whole word, in any case. */
  private static boolean mentioned(String lowerCaseSql, String name) {
    String bare = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Pattern.compile("(?<![\\w$])" + Pattern.quote(bare) + "(?![\\w$])").matcher(lowerCaseSql).find();
  }

  boolean isEmpty() {
    return tables.isEmpty() && columns.isEmpty();
  }

  /** What {@code check}, {@code -m} and an application's start-up report. */
  String warning() {
    List<String> what = new ArrayList<>();
    if (!tables.isEmpty()) {
      what.add(count(tables.size(), "table") + " (" + Project.firstOf(tables, 3) + ")");
    }
    if (!columns.isEmpty()) {
      what.add(count(columns.size(), "column") + " (" + Project.firstOf(columns, 3) + ")");
    }
    String them = tables.size() + columns.size() == 1 ? "it" : "them";
    return "the database has " + String.join(" and ", what) + " of the entities that no migration creates (made by"
        + " hand, or by Hibernate's ddl-auto): a database built from the migrations would lack " + them
        + ", and autogenerate -m writes nothing for what this database already has; to have a migration create " + them
        + ", write that step into one by hand, or drop " + them + " here (data included) and run autogenerate -m";
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
