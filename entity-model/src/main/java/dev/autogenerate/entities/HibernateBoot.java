package dev.autogenerate.entities;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;

/**
 * Hibernate's boot up to the point where it needs the entity classes ({@link EntityModelReader#boot}),
 * ready to read them once. Closing it releases Hibernate's services.
 */
public final class HibernateBoot implements AutoCloseable {

  private final StandardServiceRegistry registry;
  private final MetadataSources sources;
  private final MetadataBuilder builder;
  private final ImplicitNameRecorder names;
  private final AtomicBoolean used = new AtomicBoolean();

  HibernateBoot(StandardServiceRegistry registry, MetadataSources sources, MetadataBuilder builder,
      ImplicitNameRecorder names) {
    this.registry = registry;
    this.sources = sources;
    this.builder = builder;
    this.names = names;
  }

  /**
   * The schema the given entity classes map to, and the renames they state with
   * {@link dev.autogenerate.annotations.RenamedFrom}. Once per boot: Hibernate's sources keep
   * the classes they are given.
   *
   * @throws EntityMappingException when Hibernate rejects the mapping; the message is Hibernate's
   * @throws RenameMappingException when a {@code @RenamedFrom} stands where it names no table or
   *     single column
   */
  public EntityModel read(Collection<Class<?>> entityClasses) {
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("a Hibernate boot reads its entities once");
    }
    try (ReflectionReadAhead readingAhead = ReflectionReadAhead.start(entityClasses)) {
      entityClasses.forEach(sources::addAnnotatedClass);
      Metadata metadata = builder.build();
      // What Hibernate checks when the application's session factory starts: a column two
      // properties map (two @Embedded of one type, one @Column(name) twice), a property a type
      // cannot hold. Read without it, the schema had one column for both, and the application
      // could not start on it.
      ((MetadataImplementor) metadata).validate();
      MetadataSchemaReader schemaReader = new MetadataSchemaReader(metadata, names);
      return new EntityModel(schemaReader.read(), new RenamesReader(metadata, schemaReader::tableName).read());
    } catch (EntityMappingException | RenameMappingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EntityMappingException(EntityModelReader.rootMessage(e), e);
    } catch (NoClassDefFoundError e) {
      // The JDK resolves a field's type when Hibernate first lists the fields: a type from a jar
      // left off the class path (or a class deleted since) fails there, and only there.
      throw new EntityMappingException("class " + String.valueOf(e.getMessage()).replace('/', '.')
          + ", which an entity names, is not on the class path the entities are read from: add the jar or folder"
          + " that holds it", e);
    } catch (LinkageError e) {
      throw new EntityMappingException("cannot load a class an entity names: " + e, e);
    }
  }

  @Override
  public void close() {
    StandardServiceRegistryBuilder.destroy(registry);
  }
}
