package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader finds exactly the constraints, indexes, sequences and enum types Hibernate's own
 * offline create script has, counted per table: a database Hibernate created must diff to nothing.
 */
class HibernateDdlAgreementTest {

  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^create table (\\S+) \\((.*)\\)$");
  private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)^alter table if exists (\\S+) add constraint \\S+ foreign key.*");
  private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^create (?:unique )?index \\S+ on (\\S+) .*");
  private static final Pattern UNIQUE = Pattern.compile("(?i)\\bunique\\b");
  private static final Pattern CHECK = Pattern.compile("(?i)\\bcheck\\s*\\(");

  @TempDir Path directory;

  @Test
  void agreesWithHibernatesScriptOnConstraintsAndIndexes() throws IOException {
    List<Class<?>> entities = List.of(
        ConstraintReadingTest.Account.class, ConstraintReadingTest.Tagged.class, ConstraintReadingTest.Event.class,
        ConstraintReadingTest.Folder.class, ConstraintReadingTest.Owner.class, ConstraintReadingTest.Grant.class,
        ConstraintReadingTest.Vehicle.class, ConstraintReadingTest.Truck.class, ConstraintReadingTest.Bus.class,
        ConstraintReadingTest.Doc.class, ConstraintReadingTest.Payment.class, ConstraintReadingTest.QuotedUser.class,
        ConstraintReadingTest.Shape.class, ConstraintReadingTest.Square.class,
        ColumnAndSchemaReadingTest.Setting.class, ColumnAndSchemaReadingTest.Ticket.class,
        ColumnAndSchemaReadingTest.Board.class, ColumnAndSchemaReadingTest.Course.class,
        ColumnAndSchemaReadingTest.Invoice.class, ColumnAndSchemaReadingTest.Order.class,
        ColumnAndSchemaReadingTest.Shipment.class, ColumnAndSchemaReadingTest.Parcel.class,
        ColumnAndSchemaReadingTest.Crate.class);
    Schema schema = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader())).read(entities);
    List<String> script = hibernateScript(entities);

    Map<String, int[]> expected = new TreeMap<>();
    for (String statement : script) {
      Matcher table = CREATE_TABLE.matcher(statement);
      if (table.matches()) {
        int[] counts = expected.computeIfAbsent(name(table.group(1)), key -> new int[4]);
        counts[0] += count(UNIQUE, table.group(2));
        counts[1] += count(CHECK, table.group(2));
      }
      Matcher key = FOREIGN_KEY.matcher(statement);
      if (key.matches()) {
        expected.computeIfAbsent(name(key.group(1)), k -> new int[4])[2]++;
      }
      Matcher index = CREATE_INDEX.matcher(statement);
      if (index.matches()) {
        expected.computeIfAbsent(name(index.group(1)), k -> new int[4])[3]++;
      }
    }
    Map<String, String> expectedText = new TreeMap<>();
    expected.forEach((table, counts) -> expectedText.put(table, describe(counts)));
    Map<String, String> actualText = new TreeMap<>();
    for (Table table : schema.tables().values()) {
      actualText.put(table.name(), describe(new int[] {table.uniqueConstraints().size(), table.checks().size(),
          table.foreignKeys().size(), table.indexes().size()}));
    }
    assertEquals(expectedText, actualText);
    assertEquals(script.stream().filter(s -> s.startsWith("create sequence ")).count(), schema.sequences().size());
    assertEquals(script.stream().filter(s -> s.startsWith("create type ")).count(), schema.enumTypes().size());
  }

  private List<String> hibernateScript(List<Class<?>> entities) throws IOException {
    Path target = directory.resolve("create.sql");
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .applySetting("jakarta.persistence.database-product-name", DatabaseKind.POSTGRESQL.productName())
        .applySetting("jakarta.persistence.database-product-version", DatabaseKind.POSTGRESQL.assumedVersion())
        .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      Metadata metadata = sources.buildMetadata();
      Map<String, Object> settings = new HashMap<>();
      settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
      settings.put("jakarta.persistence.schema-generation.scripts.create-target", target.toString());
      SchemaManagementToolCoordinator.process(metadata, registry, settings, null);
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
    return Files.readAllLines(target).stream().map(line -> line.strip().replaceAll(";$", "")).toList();
  }

  private static String name(String spelled) {
    return spelled.startsWith("\"") ? spelled.substring(1, spelled.length() - 1) : spelled.toLowerCase(Locale.ROOT);
  }

  private static int count(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static String describe(int[] counts) {
    return "uniques=" + counts[0] + " checks=" + counts[1] + " foreignKeys=" + counts[2] + " indexes=" + counts[3];
  }
}
