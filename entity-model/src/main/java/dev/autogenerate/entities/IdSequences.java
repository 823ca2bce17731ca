package dev.autogenerate.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.UnionSubclass;

/**
 * Which sequence each entity's id takes its values from: the one thing about a sequence the
 * schema does not say, and the migration needs when a table with rows starts taking ids from a
 * new sequence (an id switched from IDENTITY to SEQUENCE), which must start past them.
 *
 * <p>Hibernate's boot makes each id's generator once and keeps only the sequence it registers;
 * this makes the generator again, as the boot did, and asks it. A generator it cannot make again
 * (a custom one needing more than the mapping) feeds nothing here.
 */
final class IdSequences {

  private IdSequences() {
  }

  /**
   * The id columns, as {@code table.column}, by the rendered physical name of the sequence they
   * take their values from ({@code sales.orders_seq}).
   *
   * @param tableName a table's name as the schema value has it
   */
  static Map<String, List<String>> read(Metadata metadata, Function<org.hibernate.mapping.Table, String> tableName,
      String defaultSchema) {
    Database database = metadata.getDatabase();
    GeneratorSettings settings = settings(database, defaultSchema);
    Map<String, List<String>> feeds = new LinkedHashMap<>();
    for (PersistentClass entity : metadata.getEntityBindings()) {
      if (!(entity instanceof RootClass root) || root.getIdentifier() == null
          || root.getIdentifier().getColumns().size() != 1) {
        continue;
      }
      KeyValue id = root.getIdentifier();
      Generator generator;
      try {
        generator = id.createGenerator(database.getDialect(), root, root.getIdentifierProperty(), settings);
      } catch (RuntimeException notMadeAgain) {
        continue;
      }
      if (generator instanceof SequenceStyleGenerator sequences && sequences.getDatabaseStructure().isPhysicalSequence()
          && sequences.getDatabaseStructure().getPhysicalName() != null) {
        String column = MetadataSchemaReader.columnName(id.getColumns().get(0));
        List<String> fed = feeds.computeIfAbsent(sequences.getDatabaseStructure().getPhysicalName().render(),
            name -> new ArrayList<>());
        fed.add(tableName.apply(root.getRootTable()) + "." + column);
        // TABLE_PER_CLASS: each concrete class's table holds ids of its own, from the same
        // sequence (found by this session's review: the abstract root's table is no table).
        for (PersistentClass subclass : root.getSubclassClosure()) {
          if (subclass instanceof UnionSubclass union) {
            fed.add(tableName.apply(union.getTable()) + "." + column);
          }
        }
      }
    }
    return feeds;
  }

  private static GeneratorSettings settings(Database database, String defaultSchema) {
    SqlStringGenerationContext context =
        SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, defaultSchema);
    return new GeneratorSettings() {
      @Override
      public String getDefaultCatalog() {
        return null;
      }

      @Override
      public String getDefaultSchema() {
        return defaultSchema;
      }

      @Override
      public SqlStringGenerationContext getSqlStringGenerationContext() {
        return context;
      }
    };
  }
}
