package dev.autogenerate.project;

import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The entities' tables, columns, indexes and keys a database has that none of its applied
 * migrations creates: made beside them by hand, or by Hibernate itself on a development database
 * ({@code spring.jpa.hibernate.ddl-auto=update}). Comparing the database with the entities finds
 * nothing to do for them, so {@code -m} writes no step creating them, and a database built from
 * the migrations (a colleague's, CI's, production's) lacks them. The history's replay tells what
 * the migrations create; what raw SQL may create it cannot, so an object whose names an
 * {@code op.execute} of the applied revisions that creates or alters something mentions is taken
 * as created there (a data migration's {@code update} creates nothing).
 *
 * @param tables the tables, in the entities' order
 * @param sequences the sequences (a generator's, which ddl-auto creates with its entity's table),
 *     in the order of their names
 * @param columns the columns of tables the migrations do create, as {@code table.column}
 * @param retyped the columns of such tables whose type the database holds as the entities map it,
 *     and the migrations make otherwise ({@code phone varchar(40)}, where they make
 *     {@code varchar(30)}): changed by hand, or by a revision deleted since; a database built
 *     from the migrations has the other type, and no migration written from this one changes it
 * @param keys the indexes, uniques and foreign keys of such tables, as the database holds them
 */
record MadeOutsideMigrations(List<String> tables, List<String> sequences, List<String> columns, List<String> retyped,
    List<MappedKey> keys) {

  /** Nothing found, or nothing to compare with (no migration, a history that does not replay). */
  static final MadeOutsideMigrations NONE =
      new MadeOutsideMigrations(List.of(), List.of(), List.of(), List.of(), List.of());

  MadeOutsideMigrations {
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
    columns = List.copyOf(columns);
    retyped = List.copyOf(retyped);
    keys = List.copyOf(keys);
  }

  /**
   * @param database the database's schema, spelled as the entities spell their names
   * @param entities the entities' schema, without the tables the tool does not own
   * @param recorded what the applied revisions create and own, replayed: without what a baseline
   *     left to the database ({@code leaveIndexToDatabase}), which it created all the same
   * @param everything what the applied revisions create, that too included: asked for only when
   *     an index or key is found
   * @param executedSql the SQL of every {@code op.execute} of the applied revisions, asked for only
   *     when something is found (reading it may run every migration's upgrade)
   * @param rules whether the database holds a column's type as the entities map it
   */
  static MadeOutsideMigrations in(Schema database, Schema entities, Schema recorded,
      Supplier<Schema> everything, Supplier<List<String>> executedSql, ComparisonRules rules) {
    List<String> tables = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    List<MappedKey> keys = new ArrayList<>();
    List<String> sequences = new ArrayList<>();
    for (String sequence : entities.sequences().keySet()) {
      // Not a column's own sequence (an identity's, a serial's): it comes with its column. By its
      // exact name: PostgreSQL holds "AuditTag_SEQ" and audittag_seq apart.
      boolean held = database.sequence(sequence).filter(each -> each.ownedBy() == null).isPresent();
      if (held && !named(recorded.sequences().keySet(), sequence)) {
        sequences.add(sequence);
      }
    }
    for (Table wanted : entities.tables().values()) {
      Optional<Table> there = database.table(wanted.name());
      if (there.isEmpty()) {
        continue;
      }
      Optional<Table> created = tableNamed(recorded, wanted.name());
      if (created.isEmpty()) {
        tables.add(wanted.name());
        continue;
      }
      for (Column column : wanted.columns()) {
        Optional<Column> held = there.get().columns().stream().filter(each -> sameName(each.name(), column.name()))
            .findFirst();
        Optional<Column> made = created.get().columns().stream().filter(each -> sameName(each.name(), column.name()))
            .findFirst();
        if (held.isPresent() && made.isEmpty()) {
          columns.add(wanted.name() + "." + column.name());
        } else if (held.isPresent() && rules.sameType(held.get().type(), column.type(), column.identity())
            && !alike(made.get(), column) && !alike(made.get(), held.get())) {
          // Not where the database holds the migrations' type too: a database that stores two
          // types alike (SQLite) has a difference for -m to write, not one to adopt.
          retyped.add(wanted.name() + "." + column.name());
        }
      }
      // As the database holds it, under its name there: the one a revision adopting it creates,
      // so that its downgrade finds it in this database too.
      // Each table's keys are listed once: this runs for every table on every check.
      Map<String, MappedKey> keysThere = new HashMap<>();
      MappedKey.of(there.get()).forEach(key -> keysThere.putIfAbsent(key.identity(), key));
      Set<String> keysMade = MappedKey.identities(created.get());
      // Not a key to a table the tool does not own (excluded): no database built from the migrations has it.
      for (MappedKey key : MappedKey.of(AdoptionLeavesOut.withoutKeysOutside(wanted, entities))) {
        if (!keysMade.contains(key.identity()) && keysThere.containsKey(key.identity())) {
          keys.add(keysThere.remove(key.identity()));
        }
      }
    }
    if (!keys.isEmpty()) {
      // What a baseline left to the database it created too: only what no migration creates stays.
      Schema all = everything.get();
      keys.removeIf(key -> tableNamed(all, key.table()).filter(key::in).isPresent());
    }
    if (tables.isEmpty() && sequences.isEmpty() && columns.isEmpty() && retyped.isEmpty() && keys.isEmpty()) {
      return NONE;
    }
    // What creates or alters: a data migration naming a column (an update) creates nothing.
    String rawSql = executedSql.get().stream().filter(sql -> DEFINES.matcher(sql).find())
        .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    return new MadeOutsideMigrations(
        tables.stream().filter(table -> !mentioned(rawSql, table)).toList(),
        sequences.stream().filter(sequence -> !mentioned(rawSql, sequence)).toList(),
        columns.stream().filter(column -> !mentioned(rawSql, column.substring(column.lastIndexOf('.') + 1))).toList(),
        retyped.stream().filter(column -> !mentioned(rawSql, column.substring(column.lastIndexOf('.') + 1))).toList(),
        keys.stream().filter(key -> !mentioned(rawSql, key.table())
            || !key.columns().stream().allMatch(column -> mentioned(rawSql, column))).toList());
  }

  /**
   * The replayed schema with what was found added: where a migration that adopts it, with nothing
   * else, brings a database built from the migrations. The tables as the database holds them, as a
   * first baseline adopts a whole database (the types the entities declare where the database
   * cannot tell them apart, {@link AdoptedTypes}): as the entities mapped them, a database built
   * from the migrations had columns this one lacks, and the next migration, which adds them here,
   * failed there. The sequences, and the columns of tables the migrations create, as the entities
   * map them (the types a migration writes; an increment SQLite does not store); the indexes and
   * keys as the database holds them (their names there, which the comparison does not tell).
   *
   * @param database the database's schema, spelled as the entities spell their names
   */
  Schema addedTo(Schema replayed, Schema entities, Schema database, ComparisonRules rules) {
    Schema schema = replayed;
    Schema held = AdoptedTypes.asTheEntitiesSayWhereAlike(database, entities, rules);
    for (String table : tables) {
      schema = schema.withTable(held.table(table).orElseThrow());
    }
    // The sequences an adopted table numbers its rows from, as the database holds them: a serial's
    // (AdoptedSerials writes it as one), or a DBA's its nextval() default names.
    for (Sequence sequence : database.sequences().values()) {
      if (!sequence.ofIdentity() && schema.sequence(sequence.name()).isEmpty()
          && tables.stream().anyMatch(table -> sequence.isOwnedBy(table, null)
              || drawsOn(held.requireTable(table), sequence))) {
        schema = schema.withSequence(sequence);
      }
    }
    // What a database built from the migrations could not have as this one does (AdoptionLeavesOut).
    for (String table : tables) {
      schema = schema.withTable(AdoptionLeavesOut.withoutKeysOutside(
          AdoptionLeavesOut.withoutInvalidIndexes(schema.requireTable(table), new ArrayList<>()), schema));
    }
    for (String sequence : sequences) {
      schema = schema.withSequence(entities.sequence(sequence).orElseThrow());
    }
    for (String column : columns) {
      String table = column.substring(0, column.lastIndexOf('.'));
      String name = column.substring(column.lastIndexOf('.') + 1);
      Column mapped = entities.table(table).orElseThrow().columns().stream()
          .filter(each -> each.name().equals(name)).findFirst().orElseThrow();
      schema = schema.withTable(tableNamed(schema, table).orElseThrow().withColumn(mapped));
    }
    for (String column : retyped) {
      String table = column.substring(0, column.lastIndexOf('.'));
      String name = column.substring(column.lastIndexOf('.') + 1);
      SqlType mapped = entities.table(table).orElseThrow().column(name).orElseThrow().type();
      Table made = tableNamed(schema, table).orElseThrow();
      String madeName = made.columns().stream().map(Column::name).filter(each -> sameName(each, name)).findFirst()
          .orElseThrow();
      schema = schema.withTable(made.withColumnReplaced(madeName, each -> each.withType(mapped)));
    }
    for (MappedKey key : keys) {
      schema = schema.withTable(key.addedTo().apply(tableNamed(schema, key.table()).orElseThrow()));
    }
    return withEnumTypesUsed(schema, entities);
  }

  /**
   * Whether two columns have the same type as written (a timestamp's default precision said or
   * not): the migrations' and the entities' are, and so is what a database declares.
   */
  private static boolean alike(Column one, Column other) {
    return one.type().withDefaultPrecisionUnsaid().equals(other.type().withDefaultPrecisionUnsaid());
  }

  /**
   * With the entities' enum types its columns use that it lacks: a table adopted with a column of
   * a type the migrations never created fails on every database built from them ("type priority
   * does not exist", a user test's second baseline).
   */
  private static Schema withEnumTypesUsed(Schema schema, Schema entities) {
    Schema with = schema;
    for (EnumType type : entities.enumTypes().values()) {
      boolean used = with.tables().values().stream().flatMap(table -> table.columns().stream())
          .anyMatch(column -> type.name().equals(column.type().rawElementName()));
      if (used && with.enumType(type.name()).isEmpty()) {
        with = with.withEnumType(type);
      }
    }
    return with;
  }

  /** A statement that may create a table, a column, an index or a key. */
  private static final Pattern DEFINES = Pattern.compile("(?i)\\b(create|alter)\\b");

  /** Whether a column of the table takes its default from the sequence ({@code nextval('seq')}). */
  private static boolean drawsOn(Table table, Sequence sequence) {
    return table.columns().stream().anyMatch(column -> column.defaultDrawsOn(sequence.name()));
  }

  private static boolean named(Collection<String> names, String name) {
    return names.stream().anyMatch(each -> sameName(each, name));
  }

  private static Optional<Table> tableNamed(Schema schema, String name) {
    return schema.tables().values().stream().filter(table -> sameName(table.name(), name)).findFirst();
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
    return tables.isEmpty() && sequences.isEmpty() && columns.isEmpty() && retyped.isEmpty() && keys.isEmpty();
  }

  /** What {@code check}, {@code -m} and an application's start-up report. */
  String warning() {
    List<String> what = new ArrayList<>();
    if (!tables.isEmpty()) {
      what.add(count(tables.size(), "table") + " (" + Project.firstOf(tables, 3) + ")");
    }
    if (!sequences.isEmpty()) {
      what.add(count(sequences.size(), "sequence") + " (" + Project.firstOf(sequences, 3) + ")");
    }
    if (!columns.isEmpty()) {
      what.add(count(columns.size(), "column") + " (" + Project.firstOf(columns, 3) + ")");
    }
    if (!keys.isEmpty()) {
      what.add(keys.size() + (keys.size() == 1 ? " index or key" : " indexes or keys") + " ("
          + Project.firstOf(keys.stream().map(MappedKey::description).toList(), 3) + ")");
    }
    if (!retyped.isEmpty()) {
      what.add(count(retyped.size(), "column") + " of the type the entities map, which the migrations make"
          + " otherwise (" + Project.firstOf(retyped, 3) + ")");
    }
    String them = tables.size() + sequences.size() + columns.size() + retyped.size() + keys.size() == 1 ? "it" : "them";
    return "the database has " + joined(what) + " of the entities that no migration creates (made by hand, or by"
        + " Hibernate's ddl-auto): a database built from the migrations would lack " + them + ", and no migration"
        + " written from this database creates " + them + "; adopt " + them + " as " + (them.equals("it") ? "it is" : "they are")
        + " with autogenerate baseline -m MESSAGE (it writes the revision creating " + them
        + " and records this database at it), then autogenerate -m MESSAGE for the rest";
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String joined(List<String> parts) {
    return parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
