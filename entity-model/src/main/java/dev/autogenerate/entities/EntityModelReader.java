package dev.autogenerate.entities;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlTypeParser;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Reads annotated JPA entities into a {@link Schema} through Hibernate's boot metadata: the same
 * mapping model Hibernate itself builds its DDL from, without touching a database.
 *
 * <p>Names come out as the database will hold them: unquoted identifiers are folded to lower case
 * (PostgreSQL folds them; SQLite compares them without case), quoted ones are kept exactly.
 *
 * <p>Types are always resolved through Hibernate's PostgreSQL dialect, whatever the target: its
 * type system is the richest of the two (it tells {@code timestamp} from {@code timestamptz} and
 * has {@code uuid}), where the SQLite dialect folds those into a few affinities. The model stays
 * portable, so a migration generated against SQLite in development creates the right PostgreSQL
 * types in production, and each dialect renders the portable type its own way.
 */
public final class EntityModelReader {

  /** The database whose Hibernate dialect resolves column types; see the class comment. */
  private static final DatabaseKind TYPE_SYSTEM = DatabaseKind.POSTGRESQL;

  private final EntityModelOptions options;

  public EntityModelReader(EntityModelOptions options) {
    this.options = options;
  }

  /**
   * The schema the given entity classes map to.
   *
   * @throws EntityMappingException when Hibernate rejects the mapping; the message is Hibernate's
   */
  public Schema read(Collection<Class<?>> entityClasses) {
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
        .applyClassLoader(options.classLoader())
        .build();
    StandardServiceRegistryBuilder registryBuilder = new StandardServiceRegistryBuilder(bootstrap)
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting("jakarta.persistence.database-product-name", TYPE_SYSTEM.productName())
        .applySetting("jakarta.persistence.database-product-version", TYPE_SYSTEM.assumedVersion());
    options.hibernateSettings().forEach(registryBuilder::applySetting);
    StandardServiceRegistry registry = registryBuilder.build();
    try {
      return toSchema(buildMetadata(registry, entityClasses));
    } catch (RuntimeException e) {
      throw new EntityMappingException(rootMessage(e), e);
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private Metadata buildMetadata(StandardServiceRegistry registry, Collection<Class<?>> entityClasses) {
    MetadataSources sources = new MetadataSources(registry);
    entityClasses.forEach(sources::addAnnotatedClass);
    MetadataBuilder builder = sources.getMetadataBuilder();
    if (options.implicitNamingStrategy() != null) {
      builder.applyImplicitNamingStrategy(
          instantiate(options.implicitNamingStrategy(), ImplicitNamingStrategy.class));
    }
    if (options.physicalNamingStrategy() != null) {
      builder.applyPhysicalNamingStrategy(
          instantiate(options.physicalNamingStrategy(), PhysicalNamingStrategy.class));
    }
    return builder.build();
  }

  private Schema toSchema(Metadata metadata) {
    List<Table> tables = new ArrayList<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (org.hibernate.mapping.Table table : namespace.getTables()) {
        if (table.isPhysicalTable() && !table.isView()) {
          tables.add(toTable(table, metadata));
        }
      }
    }
    return Schema.of(tables);
  }

  private Table toTable(org.hibernate.mapping.Table table, Metadata metadata) {
    List<Column> columns = new ArrayList<>();
    for (org.hibernate.mapping.Column column : table.getColumns()) {
      columns.add(toColumn(column, metadata, table));
    }
    Optional<PrimaryKey> primaryKey = Optional.empty();
    org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
    if (key != null && !key.getColumns().isEmpty()) {
      primaryKey = Optional.of(new PrimaryKey(null,
          key.getColumns().stream().map(EntityModelReader::columnName).toList()));
    }
    return new Table(databaseName(table.getName(), table.isQuoted()), columns, primaryKey);
  }

  private Column toColumn(org.hibernate.mapping.Column column, Metadata metadata,
      org.hibernate.mapping.Table table) {
    // An explicit columnDefinition must be read before getSqlType(metadata), which caches the
    // resolved type into the same field.
    String explicit = column.getSqlType();
    String spelling = explicit != null ? explicit : column.getSqlType(metadata);
    SqlType type = SqlTypeParser.parse(spelling);
    boolean inPrimaryKey = table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
    boolean nullable = column.isNullable() && !inPrimaryKey;
    return new Column(columnName(column), type, nullable, column.isIdentity());
  }

  private static String columnName(org.hibernate.mapping.Column column) {
    return databaseName(column.getName(), column.isQuoted());
  }

  private static String databaseName(String name, boolean quoted) {
    return quoted ? name : name.toLowerCase(Locale.ROOT);
  }

  private <T> T instantiate(String className, Class<T> expected) {
    try {
      Class<?> type = Class.forName(className, true, options.classLoader());
      return expected.cast(type.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new EntityMappingException(
          "cannot use naming strategy " + className + ": " + e.getMessage(), e);
    }
  }

  /** Hibernate wraps the useful message a few levels deep; users want that one. */
  private static String rootMessage(Throwable error) {
    Throwable current = error;
    String message = error.getMessage();
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
      if (current.getMessage() != null) {
        message = current.getMessage();
      }
    }
    return message != null ? message : error.getClass().getSimpleName();
  }
}
