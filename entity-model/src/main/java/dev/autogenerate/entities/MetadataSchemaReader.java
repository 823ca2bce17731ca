package dev.autogenerate.entities;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlTypeParser;
import dev.autogenerate.schema.View;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UnquotedNames;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.NamedAuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Turns Hibernate's boot metadata into a {@link Schema}: one instance per read.
 *
 * <p>What each part of the schema comes from:
 * <ul>
 *   <li>Columns: {@code table.getColumns()}; the type is the explicit {@code columnDefinition}
 *       (split by {@link ColumnDefinition}) or the type Hibernate's PostgreSQL dialect resolves;
 *       the default is {@code @ColumnDefault} ({@code column.getDefaultValue()}) or a
 *       {@code default} in the column definition; the comment is {@code @Comment} or JPA's
 *       {@code @Column(comment)}.
 *   <li>Unique constraints: {@code table.getUniqueKeys()} (from {@code @UniqueConstraint},
 *       {@code @Index(unique = true)}, {@code @NaturalId}, set-valued collection tables) and every
 *       column marked {@code isUnique()} ({@code @Column(unique = true)}, {@code @OneToOne}), which
 *       Hibernate keeps out of the unique-key map. Hibernate 7.4 binds {@code @Index(unique =
 *       true)} on plain columns as a unique key and creates it as {@code constraint ... unique}, so
 *       it is a unique constraint here too. Two uniques on the same column set are one; the named
 *       one wins.
 *   <li>Indexes: {@code table.getIndexes()}, with {@code desc} from the selectable order map. An
 *       index on an expression ({@code @Index(columnList = "(lower(email))")}) is kept verbatim,
 *       under the name Hibernate gives it, with the {@code create index} statement Hibernate would
 *       run.
 *   <li>Foreign keys: {@code table.getForeignKeyCollection()}, except those Hibernate does not
 *       create ({@code ConstraintMode.NO_CONSTRAINT}, or to or from a non-physical table); a key to
 *       the primary key lists the referenced primary key's columns. {@code @OnDelete} is the delete
 *       action; an explicit {@code foreignKeyDefinition} contributes its {@code on delete} and
 *       {@code on update} clauses.
 *   <li>Checks: each column's {@code getCheckConstraints()} (enum checks, {@code @Column(check)}),
 *       then {@code table.getChecks()} ({@code @Check}, {@code @Table(check)}). A column's anonymous
 *       checks are one constraint, {@code (a) and (b)}, as Hibernate creates them.
 *   <li>Sequences: each namespace's sequences, with the id columns that take values from each
 *       ({@link IdSequences}); enum types: the {@code create type ... as enum}
 *       statements {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} registers, with the values in the order
 *       Hibernate creates them.
 * </ul>
 *
 * <p>Names. Tables, columns and sequences keep their case when quoted and are folded to lower case
 * otherwise, as PostgreSQL folds them. A constraint or index carries a name only when the mapping
 * gave one: {@code UniqueKey.isNameExplicit()} for uniques, {@code CheckConstraint.isNamed()} for
 * checks, and for foreign keys and indexes whether the implicit naming strategy invented the name
 * ({@link ImplicitNameRecorder}). Primary keys are never named: JPA has no way to name one.
 */
final class MetadataSchemaReader {

  private static final Pattern CREATE_ENUM = Pattern.compile(
      "(?is)\\s*create\\s+type\\s+(?<name>\\S+)\\s+as\\s+enum\\s*\\((?<values>.*)\\)\\s*");

  private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

  private static final Pattern REFERENTIAL_ACTION = Pattern.compile(
      "(?i)\\bon\\s+(?<event>delete|update)\\s+(?<action>no\\s+action|restrict|cascade|set\\s+null|set\\s+default)\\b");

  private final Metadata metadata;
  private final ImplicitNameRecorder names;
  private final Dialect dialect;
  private final IdentifierHelper identifierHelper;
  private final Identifier defaultSchema;

  /**
   * For each type a column is declared with that no type family describes (an enum type's name,
   * arrays of it included), those columns: which enum types are in use, and whether as {@code
   * NAMED_ENUM} alone. Filled as the tables are read.
   */
  private final Map<String, List<org.hibernate.mapping.Column>> columnsOfRawTypes = new HashMap<>();

  MetadataSchemaReader(Metadata metadata, ImplicitNameRecorder names) {
    this.metadata = metadata;
    this.names = names;
    Database database = metadata.getDatabase();
    this.dialect = database.getDialect();
    this.identifierHelper = database.getJdbcEnvironment().getIdentifierHelper();
    this.defaultSchema = defaultSchema(database);
  }

  Schema read() {
    List<Table> tables = new ArrayList<>();
    List<View> views = new ArrayList<>();
    Map<String, Sequence> sequences = new LinkedHashMap<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (org.hibernate.mapping.Table table : namespace.getTables()) {
        if (table.isView() && table.getViewQuery() != null && !table.getViewQuery().isBlank()) {
          // An @View entity: the view its query defines, as Hibernate's own DDL would create it.
          views.add(View.of(tableName(table), viewQuery(table.getViewQuery())));
        } else if (table.isPhysicalTable() && !table.isView()) {
          tables.add(toTable(table));
        }
      }
      for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
        Identifier name = sequence.getName().getSequenceName();
        Identifier schema = sequence.getName().getSchemaName() != null
            ? sequence.getName().getSchemaName()
            : namespace.getName().schema() != null ? namespace.getName().schema() : defaultSchema;
        Sequence model = new Sequence(qualified(schema, databaseName(name.getText(), name.isQuoted())),
            sequence.getInitialValue(), sequence.getIncrementSize());
        sequences.putIfAbsent(sequence.getName().render(), model);
      }
    }
    // After the boot's sequences are read: making an id's generator again finds its sequence
    // registered, and one it registered anew (none should) is not the boot's.
    Map<String, List<String>> feeds = IdSequences.read(metadata, this::tableName,
        defaultSchema == null ? null : defaultSchema.render());
    Map<String, Sequence> byName = new LinkedHashMap<>();
    sequences.forEach((rendered, model) -> byName.putIfAbsent(model.name(), new Sequence(model.name(),
        model.startWith(), model.incrementBy(), null, feeds.getOrDefault(rendered, List.of()))));
    return Schema.of(tables, byName.values(), enumTypes()).withViewsAndTriggers(views, List.of());
  }

  /** An {@code @View} query as the migration will create it: without surrounding blanks or a closing semicolon. */
  private static String viewQuery(String query) {
    String stripped = query.strip();
    return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1).stripTrailing() : stripped;
  }

  private Table toTable(org.hibernate.mapping.Table table) {
    List<Column> columns = new ArrayList<>();
    List<UniqueConstraint> columnUniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    Optional<PrimaryKey> primaryKey = primaryKey(table);
    for (org.hibernate.mapping.Column column : table.getColumns()) {
      // An explicit columnDefinition must be read before getSqlType(metadata), which caches the
      // resolved type into the same field.
      String explicit = column.getSqlType();
      ColumnDefinition definition = explicit != null
          ? ColumnDefinition.parse(explicit)
          : ColumnDefinition.ofType(column.getSqlType(metadata));
      Column model = toColumn(column, definition, primaryKey);
      columns.add(model);
      if (model.type().rawName() != null) {
        columnsOfRawTypes.computeIfAbsent(model.type().rawElementName(), name -> new ArrayList<>()).add(column);
      }
      if (column.isUnique() || definition.unique()) {
        columnUniques.add(new UniqueConstraint(
            definition.unique() ? constraintName(definition.uniqueName()) : null, List.of(model.name())));
      }
      checks.addAll(columnChecks(column, definition));
    }
    for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
      checks.add(new CheckConstraint(check.isNamed() ? constraintName(check.getName()) : null, check.getConstraint()));
    }
    return new Table(tableName(table), columns, primaryKey,
        uniqueConstraints(table, columnUniques, primaryKey), foreignKeys(table), distinct(checks),
        indexes(table), table.getComment());
  }

  private Column toColumn(org.hibernate.mapping.Column column, ColumnDefinition definition,
      Optional<PrimaryKey> primaryKey) {
    String name = columnName(column);
    boolean inPrimaryKey = primaryKey.isPresent() && primaryKey.get().columns().contains(name);
    boolean nullable = column.isNullable() && !inPrimaryKey && !definition.notNull();
    String defaultSql = column.getDefaultValue() != null ? column.getDefaultValue() : definition.defaultSql();
    boolean identity = column.isIdentity() || definition.identity();
    return new Column(name, SqlTypeParser.parse(definition.type()), nullable && !identity, identity, defaultSql,
        column.getComment());
  }

  private static Optional<PrimaryKey> primaryKey(org.hibernate.mapping.Table table) {
    org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
    if (key == null || key.getColumns().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PrimaryKey(null, columnNames(key.getColumns())));
  }

  /**
   * A column's checks: its anonymous ones as a single constraint, as Hibernate declares them
   * inline ({@code check ((a) and (b))}), and each named one on its own.
   */
  private List<CheckConstraint> columnChecks(org.hibernate.mapping.Column column, ColumnDefinition definition) {
    List<String> anonymous = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
      if (check.isNamed()) {
        checks.add(new CheckConstraint(constraintName(check.getName()), check.getConstraint()));
      } else {
        anonymous.add(check.getConstraint());
      }
    }
    if (anonymous.size() == 1) {
      checks.add(0, new CheckConstraint(null, anonymous.get(0)));
    } else if (anonymous.size() > 1) {
      checks.add(0, new CheckConstraint(null,
          String.join(" and ", anonymous.stream().map(expression -> "(" + expression + ")").toList())));
    }
    for (ColumnDefinition.NamedCheck check : definition.checks()) {
      checks.add(new CheckConstraint(check.name() == null ? null : constraintName(check.name()), check.expression()));
    }
    return checks;
  }

  private List<UniqueConstraint> uniqueConstraints(org.hibernate.mapping.Table table,
      List<UniqueConstraint> columnUniques, Optional<PrimaryKey> primaryKey) {
    List<UniqueConstraint> candidates = new ArrayList<>();
    for (UniqueKey key : table.getUniqueKeys().values()) {
      if (key.getColumns().isEmpty()) {
        continue;
      }
      candidates.add(new UniqueConstraint(key.isNameExplicit() ? constraintName(key.getName()) : null,
          columnNames(key.getColumns())));
    }
    candidates.addAll(columnUniques);
    Set<String> primaryKeyColumns = primaryKey.map(key -> Set.copyOf(key.columns())).orElse(Set.of());
    // One unique per column set, keeping the first position and the first explicit name.
    Map<Set<String>, UniqueConstraint> byColumns = new LinkedHashMap<>();
    for (UniqueConstraint unique : candidates) {
      Set<String> columnSet = Set.copyOf(unique.columns());
      if (columnSet.equals(primaryKeyColumns)) {
        continue;
      }
      UniqueConstraint existing = byColumns.get(columnSet);
      if (existing == null) {
        byColumns.put(columnSet, unique);
      } else if (existing.name() == null && unique.name() != null) {
        byColumns.put(columnSet, new UniqueConstraint(unique.name(), existing.columns()));
      }
    }
    return List.copyOf(byColumns.values());
  }

  private List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table) {
    List<ForeignKey> keys = new ArrayList<>();
    for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
      if (!key.isCreationEnabled() || key.getReferencedTable() == null || !key.isPhysicalConstraint()) {
        continue;
      }
      org.hibernate.mapping.Table referenced = key.getReferencedTable();
      List<org.hibernate.mapping.Column> referencedColumns = key.getReferencedColumns();
      if (referencedColumns.isEmpty()) {
        if (referenced.getPrimaryKey() == null) {
          continue; // Hibernate cannot create it either
        }
        referencedColumns = referenced.getPrimaryKey().getColumns();
      }
      ReferentialAction onDelete = onDelete(key.getOnDeleteAction());
      ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
      if (key.getKeyDefinition() != null) {
        Matcher matcher = REFERENTIAL_ACTION.matcher(key.getKeyDefinition());
        while (matcher.find()) {
          ReferentialAction action = ReferentialAction.valueOf(
              matcher.group("action").toUpperCase(Locale.ROOT).replaceAll("\\s+", "_"));
          if (matcher.group("event").equalsIgnoreCase("delete")) {
            onDelete = action;
          } else {
            onUpdate = action;
          }
        }
      }
      String name = names.isInventedForeignKeyName(key.getName()) ? null : identifierName(key.getName());
      keys.add(new ForeignKey(name, columnNames(key.getColumns()),
          tableName(referenced), columnNames(referencedColumns),
          onDelete, onUpdate));
    }
    return keys;
  }

  private static ReferentialAction onDelete(OnDeleteAction action) {
    if (action == null) {
      return ReferentialAction.NO_ACTION;
    }
    switch (action) {
      case CASCADE:
        return ReferentialAction.CASCADE;
      case RESTRICT:
        return ReferentialAction.RESTRICT;
      case SET_NULL:
        return ReferentialAction.SET_NULL;
      case SET_DEFAULT:
        return ReferentialAction.SET_DEFAULT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  private List<Index> indexes(org.hibernate.mapping.Table table) {
    List<Index> indexes = new ArrayList<>();
    for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
      List<Selectable> selectables = index.getSelectables();
      if (selectables.isEmpty()) {
        continue;
      }
      Map<Selectable, String> order = index.getSelectableOrderMap();
      if (selectables.stream().anyMatch(Selectable::isFormula)) {
        indexes.add(Index.verbatim(identifierName(index.getName()), index.isUnique(),
            createIndexStatement(table, index)));
        continue;
      }
      List<IndexColumn> columns = new ArrayList<>();
      for (Selectable selectable : selectables) {
        String direction = order.get(selectable);
        columns.add(new IndexColumn(columnName((org.hibernate.mapping.Column) selectable),
            direction != null && direction.trim().equalsIgnoreCase("desc")));
      }
      String name = names.isInventedIndexName(index.getName()) ? null : identifierName(index.getName());
      indexes.add(new Index(name, columns, index.isUnique(), null));
    }
    return indexes;
  }

  /** The statement Hibernate's own DDL creates an expression index with. */
  private String createIndexStatement(org.hibernate.mapping.Table table, org.hibernate.mapping.Index index) {
    StringBuilder statement = new StringBuilder(index.isUnique() ? "create unique index " : "create index ")
        .append(index.getName()).append(" on ").append(table.getQuotedName(dialect)).append(" (");
    String separator = "";
    for (Selectable selectable : index.getSelectables()) {
      statement.append(separator).append(selectable.getText(dialect));
      String direction = index.getSelectableOrderMap().get(selectable);
      if (direction != null) {
        statement.append(' ').append(direction);
      }
      separator = ", ";
    }
    return statement.append(')').toString();
  }

  /**
   * The PostgreSQL enum types the mapping creates, from the {@code create type ... as enum (...)}
   * statements Hibernate registers for {@code NAMED_ENUM} columns: the only place that has the
   * values in the order Hibernate's DDL creates them (sorted alphabetically for {@code NAMED_ENUM},
   * in ordinal order for {@code NAMED_ORDINAL_ENUM}, through the attribute's converter if any).
   *
   * <p>A type only {@code NAMED_ENUM} columns use has its values in any order ({@link
   * EnumType#withValuesInAnyOrder}: they store names, and the sorted order is Hibernate's, nobody's choice).
   * A type no column uses is left out: Hibernate registers one for the Java enum even where the
   * column's definition names another type ({@code columnDefinition = "order_status"}, a legacy
   * type), and nothing would ever use it.
   */
  private List<EnumType> enumTypes() {
    Map<String, EnumType> enumTypes = new LinkedHashMap<>();
    SqlStringGenerationContext context = null;
    for (AuxiliaryDatabaseObject object : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
      if (!(object instanceof NamedAuxiliaryDatabaseObject) || !object.appliesToDialect(dialect)) {
        continue;
      }
      if (context == null) {
        context = SqlStringGenerationContextImpl.fromExplicit(
            metadata.getDatabase().getJdbcEnvironment(), metadata.getDatabase(), null, null);
      }
      for (String statement : object.sqlCreateStrings(context)) {
        Matcher matcher = CREATE_ENUM.matcher(statement);
        if (!matcher.matches()) {
          continue;
        }
        List<String> values = new ArrayList<>();
        Matcher value = ENUM_VALUE.matcher(matcher.group("values"));
        while (value.find()) {
          values.add(value.group(1).replace("''", "'"));
        }
        // Spelled as the columns' type is: SqlTypeParser folds the unquoted name PostgreSQL folds.
        String spelled = matcher.group("name");
        String name = Optional.ofNullable(SqlTypeParser.parse(spelled).rawName())
            .orElse(UnquotedNames.fold(spelled));
        Set<Integer> codes = columnTypeCodes(name);
        if (!codes.isEmpty()) {
          EnumType type = new EnumType(name, values);
          enumTypes.putIfAbsent(name, codes.equals(Set.of(SqlTypes.NAMED_ENUM)) ? type.withValuesInAnyOrder() : type);
        }
      }
    }
    return List.copyOf(enumTypes.values());
  }

  /**
   * The JDBC type codes of the columns declared with this type. A column may name the type
   * qualified or not where the type is not: either spelling counts.
   */
  private Set<Integer> columnTypeCodes(String typeName) {
    Set<Integer> codes = new HashSet<>();
    columnsOfRawTypes.forEach((columnType, columns) -> {
      if (unqualified(columnType).equals(unqualified(typeName))) {
        columns.forEach(column -> codes.add(column.getSqlTypeCode(metadata)));
      }
    });
    return codes;
  }

  private static String unqualified(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
    return columns.stream().map(MetadataSchemaReader::columnName).toList();
  }

  static String columnName(org.hibernate.mapping.Column column) {
    return databaseName(column.getName(), column.isQuoted());
  }

  /**
   * A table's name, qualified by its schema when the mapping or {@code hibernate.default_schema}
   * gives one ({@code sales.orders}). The reader cannot know the connection's current schema, so
   * {@code public.orders} stays qualified here; {@link Schema#withDefaultSchema} strips it later.
   */
  String tableName(org.hibernate.mapping.Table table) {
    Identifier schema = table.getSchemaIdentifier() != null
        ? table.getSchemaIdentifier() : defaultSchema;
    return qualified(schema, databaseName(table.getName(), table.isQuoted()));
  }

  /** {@code hibernate.default_schema}, which Hibernate applies only when it renders SQL. */
  private Identifier defaultSchema(Database database) {
    Object setting = database.getServiceRegistry().requireService(ConfigurationService.class)
        .getSettings().get(MappingSettings.DEFAULT_SCHEMA);
    return setting == null || setting.toString().isBlank() ? null : identifierHelper.toIdentifier(setting.toString().trim());
  }

  private static String qualified(Identifier schema, String name) {
    if (schema == null || schema.getText().isBlank()) {
      return name;
    }
    return databaseName(schema.getText(), schema.isQuoted()) + "." + name;
  }

  static String databaseName(String name, boolean quoted) {
    return quoted ? name : UnquotedNames.fold(name);
  }

  /**
   * A name Hibernate's DDL writes through the JDBC environment's identifier helper (foreign keys,
   * indexes): quoted, and so kept exactly, when written in quotes or when all identifiers are
   * quoted globally.
   */
  private String identifierName(String name) {
    Identifier identifier = identifierHelper.toIdentifier(name);
    return databaseName(identifier.getText(), identifier.isQuoted());
  }

  /** A name Hibernate's DDL writes as it stands (unique keys, checks): quoted only when written so. */
  private static String constraintName(String name) {
    if (name == null) {
      return null;
    }
    Identifier identifier = Identifier.toIdentifier(name);
    return identifier == null ? null : databaseName(identifier.getText(), identifier.isQuoted());
  }

  private static <T> List<T> distinct(List<T> items) {
    return List.copyOf(new LinkedHashSet<>(items));
  }
}
