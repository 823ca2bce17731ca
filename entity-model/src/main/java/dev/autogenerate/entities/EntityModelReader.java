package dev.autogenerate.entities;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import java.util.Collection;
import javax.xml.stream.FactoryConfigurationError;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Reads annotated JPA entities into a {@link Schema} through Hibernate's boot metadata: the same
 * mapping model Hibernate itself builds its DDL from, without touching a database.
 *
 * <p>The schema has everything the mapping puts in Hibernate's own DDL: columns with their
 * defaults and comments, primary keys, unique constraints, foreign keys with their delete action,
 * check constraints, indexes, table comments, sequences and PostgreSQL enum types;
 * {@link MetadataSchemaReader} says where each comes from.
 *
 * <p>Names come out as the database will hold them: unquoted identifiers are folded to lower case
 * (PostgreSQL folds them; SQLite compares them without case), quoted ones are kept exactly. A
 * constraint or index is named only when the mapping names it; the names Hibernate invents
 * ({@code FK...}, {@code UK...} hashes) are left out, for a naming convention to replace.
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
    return readModel(entityClasses).schema();
  }

  /**
   * The schema the given entity classes map to, and the renames they state with
   * {@link dev.autogenerate.annotations.RenamedFrom}.
   *
   * @throws EntityMappingException when Hibernate rejects the mapping; the message is Hibernate's
   * @throws RenameMappingException when a {@code @RenamedFrom} stands where it names no table or
   *     single column
   */
  public EntityModel readModel(Collection<Class<?>> entityClasses) {
    try (HibernateBoot boot = boot()) {
      return boot.read(entityClasses);
    }
  }

  /**
   * What Hibernate's boot makes before it sees a class: its services, its type system, the
   * metadata builder with the naming strategies. That is a fixed cost (a third of reading ten
   * entities, a tenth of reading a thousand), so a caller may make it while it finds and loads
   * the classes, then {@linkplain HibernateBoot#read read} them. Close it when done.
   *
   * @throws EntityMappingException when Hibernate rejects a setting or a naming strategy
   */
  public HibernateBoot boot() {
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
        .applyClassLoaderService(new MissRememberingClassLoaderService(options.classLoader()))
        .build();
    StandardServiceRegistryBuilder registryBuilder = new StandardServiceRegistryBuilder(bootstrap)
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting("jakarta.persistence.database-product-name", TYPE_SYSTEM.productName())
        .applySetting("jakarta.persistence.database-product-version", TYPE_SYSTEM.assumedVersion());
    options.hibernateSettings().forEach(registryBuilder::applySetting);
    StandardServiceRegistry registry;
    try {
      registry = registryBuilder.build();
    } catch (RuntimeException e) {
      throw new EntityMappingException(rootMessage(e), e);
    }
    try {
      // The JDBC environment (the dialect and its types) is made here rather than when the
      // metadata's collector first needs it: in the fixed part a caller may overlap.
      registry.requireService(JdbcEnvironment.class);
      MetadataSources sources = new MetadataSources(registry);
      // Hibernate makes its XML mapping binder when the build starts, whether or not there is XML
      // to read; finding the StAX event factory scans the class path's services (16-26 ms of a
      // cold check at 200 tables). Made here, it is ready by then, as the build would have made it.
      if (registry.requireService(ConfigurationService.class)
          .getSetting(MappingSettings.XML_MAPPING_ENABLED, StandardConverters.BOOLEAN, true)) {
        sources.getXmlMappingBinderAccess();
      }
      MetadataBuilder builder = sources.getMetadataBuilder();
      ImplicitNameRecorder names = new ImplicitNameRecorder(implicitNamingStrategy(registry));
      builder.applyImplicitNamingStrategy(names);
      if (options.physicalNamingStrategy() != null) {
        builder.applyPhysicalNamingStrategy(
            instantiate(options.physicalNamingStrategy(), PhysicalNamingStrategy.class));
      }
      return new HibernateBoot(registry, sources, builder, names);
    } catch (FactoryConfigurationError e) {
      // A javax.xml.stream property (or a StAX provider on the class path) naming no class.
      StandardServiceRegistryBuilder.destroy(registry);
      throw new EntityMappingException("cannot make the StAX event factory Hibernate reads XML mappings with: "
          + e.getMessage() + " (check the javax.xml.stream.* system properties and StAX jars on the class path)", e);
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e instanceof EntityMappingException mapping ? mapping : new EntityMappingException(rootMessage(e), e);
    }
  }

  /**
   * The application's implicit naming strategy: the one the options name, else the one the
   * Hibernate settings name ({@code hibernate.implicit_naming_strategy}, short names included),
   * else Hibernate's default, resolved as Hibernate itself resolves it.
   */
  private ImplicitNamingStrategy implicitNamingStrategy(StandardServiceRegistry registry) {
    if (options.implicitNamingStrategy() != null) {
      return instantiate(options.implicitNamingStrategy(), ImplicitNamingStrategy.class);
    }
    StrategySelector selector = registry.requireService(StrategySelector.class);
    Object configured = registry.requireService(ConfigurationService.class).getSettings()
        .get(MappingSettings.IMPLICIT_NAMING_STRATEGY);
    return selector.resolveDefaultableStrategy(ImplicitNamingStrategy.class, configured,
        ImplicitNamingStrategyJpaCompliantImpl.INSTANCE);
  }

  private <T> T instantiate(String className, Class<T> expected) {
    try {
      Class<?> type = Class.forName(className, true, options.classLoader());
      return expected.cast(type.getDeclaredConstructor().newInstance());
    } catch (ClassNotFoundException e) {
      throw new EntityMappingException("cannot use naming strategy " + className + ": no such class on the class path"
          + " the entities are read from (check the name, and that the class is on it)", e);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      // A LinkageError too: a static initializer that throws, a class it needs that is missing, a
      // class built for a newer Java (Hibernate's own loading of strategies catches them as well).
      throw new EntityMappingException("cannot use naming strategy " + className + ": " + rootMessage(e), e);
    }
  }

  /** Hibernate wraps the useful message a few levels deep; users want that one. */
  static String rootMessage(Throwable error) {
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
