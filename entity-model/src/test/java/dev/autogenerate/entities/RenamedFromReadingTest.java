package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.annotations.RenamedFrom;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.TableRename;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code @RenamedFrom} read beside the schema: on an entity the old table, on a field, getter,
 * inherited field, join column or embeddable field the old column, each as the database holds
 * it; and refused, naming the fix, where it names no table or single column.
 */
class RenamedFromReadingTest {

  @MappedSuperclass
  abstract static class Audited {
    @RenamedFrom("created") java.time.Instant createdAt;
  }

  @Entity(name = "Team")
  @Table(name = "squads")
  @RenamedFrom({"teams", "groups"})
  static class Team {
    @Id Long id;
  }

  @Embeddable
  static class Address {
    @RenamedFrom("zip") String postcode;
    String city;
  }

  @Entity(name = "Person")
  @Table(name = "people")
  @RenamedFrom("users")
  static class Person extends Audited {
    @Id @RenamedFrom("user_id") Long id;
    @RenamedFrom("nickname") String displayName;
    @RenamedFrom("\"Full Name\"") @Column(name = "full_name") String name;
    @ManyToOne @RenamedFrom("team_id") Team squad;
    @Embedded Address address;
    String unchanged;
  }

  @Entity(name = "Gadget")
  @Table(name = "gadgets", schema = "shop")
  @RenamedFrom("widgets")
  @Access(AccessType.PROPERTY)
  static class Gadget {
    private Long id;
    private String label;

    @Id
    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    @RenamedFrom("TITLE")
    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }
  }

  @Entity(name = "Vehicle")
  @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
  static class Vehicle {
    @Id Long id;
  }

  @Entity(name = "Car")
  @DiscriminatorValue("car")
  @RenamedFrom("autos")
  static class Car extends Vehicle {
    int doors;
  }

  @Entity(name = "Letter")
  static class Letter {
    @Id Long id;
    @Embedded @RenamedFrom("address") Address address;
  }

  @Entity(name = "Tagged")
  static class Tagged {
    @Id Long id;
    @ElementCollection @RenamedFrom("labels") Set<String> tags;
  }

  @Entity(name = "Branch")
  static class Branch {
    @Id Long id;
    @Embedded Address home;
    @Embedded @jakarta.persistence.AttributeOverride(name = "postcode", column = @Column(name = "work_postcode"))
    @jakarta.persistence.AttributeOverride(name = "city", column = @Column(name = "work_city"))
    Address work;
  }

  /**
   * An embeddable used twice in one table, once with its column overridden: the field's old name
   * is the column's only where no override names it (the other's old name was the override's).
   */
  @Test
  void aRenameOfAnEmbeddablesFieldHoldsWhereNoOverrideNamesItsColumn() {
    Renames renames = read(Branch.class);
    assertEquals(List.of(column("branch", "postcode", "zip", "Address.postcode")),
        renames.columns().stream().map(RenamedFromReadingTest::withoutStatement).toList());
  }

  private static Renames read(Class<?>... classes) {
    return new EntityModelReader(EntityModelOptions.using(RenamedFromReadingTest.class.getClassLoader()))
        .readModel(List.of(classes)).renames();
  }

  @Test
  void anEntityNamesItsOldTablesAndItsFieldsTheirOldColumns() {
    Renames renames = read(Person.class, Team.class);

    assertEquals(Set.of(
            new TableRename("people", List.of("users"),
                "@RenamedFrom(\"users\") on dev.autogenerate.entities.RenamedFromReadingTest$Person"),
            new TableRename("squads", List.of("teams", "groups"),
                "@RenamedFrom({\"teams\", \"groups\"}) on dev.autogenerate.entities.RenamedFromReadingTest$Team")),
        Set.copyOf(renames.tables()));
    assertEquals(Set.of(
            column("people", "id", "user_id", "Person.id"),
            column("people", "displayname", "nickname", "Person.displayName"),
            column("people", "full_name", "Full Name", "Person.name"),
            column("people", "squad_id", "team_id", "Person.squad"),
            column("people", "postcode", "zip", "Address.postcode"),
            column("people", "createdat", "created", "Person.createdAt")),
        Set.copyOf(renames.columns().stream().map(RenamedFromReadingTest::withoutStatement).toList()));
    assertTrue(renames.columns().stream().anyMatch(rename -> rename.statedBy().equals(
        "@RenamedFrom(\"nickname\") on dev.autogenerate.entities.RenamedFromReadingTest$Person.displayName")),
        renames::toString);
  }

  @Test
  void theSchemaIsTheSameWithOrWithoutTheAnnotations() {
    EntityModelReader reader = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader()));
    assertEquals(reader.read(List.of(Person.class, Team.class)),
        reader.readModel(List.of(Person.class, Team.class)).schema());
    assertTrue(reader.readModel(List.of(Team.class)).renames().columns().isEmpty());
  }

  @Test
  void aPropertyAccessEntityIsAnnotatedOnItsGetterAndOldTablesKeepItsSchema() {
    Renames renames = read(Gadget.class);
    assertEquals(List.of("shop.widgets"), renames.tables().get(0).from());
    assertEquals("shop.gadgets", renames.tables().get(0).table());
    // Unquoted, the old name folds to lower case as the database folds it.
    assertEquals(List.of(new ColumnRename("shop.gadgets", "label", List.of("title"), "x")),
        renames.columns().stream().map(rename -> new ColumnRename(rename.table(), rename.column(), rename.from(), "x"))
            .toList());
  }

  @Test
  void aRenameWhereItNamesNoTableOrSingleColumnIsRefusedNamingTheFix() {
    RenameMappingException subclass = assertThrows(RenameMappingException.class, () -> read(Vehicle.class, Car.class));
    assertEquals("@RenamedFrom(\"autos\") on dev.autogenerate.entities.RenamedFromReadingTest$Car: the entity shares"
        + " table vehicle with Vehicle (single-table inheritance); put @RenamedFrom on Vehicle", subclass.getMessage());

    RenameMappingException embedded = assertThrows(RenameMappingException.class, () -> read(Letter.class));
    assertTrue(embedded.getMessage().contains("Letter.address: the field maps 2 columns"), embedded.getMessage());

    RenameMappingException collection = assertThrows(RenameMappingException.class, () -> read(Tagged.class));
    assertTrue(collection.getMessage().contains("Tagged.tags: a collection maps no column"), collection.getMessage());
  }

  private static ColumnRename column(String table, String column, String from, String where) {
    return new ColumnRename(table, column, List.of(from), where);
  }

  private static ColumnRename withoutStatement(ColumnRename rename) {
    String where = rename.statedBy().substring(rename.statedBy().lastIndexOf('$') + 1);
    return new ColumnRename(rename.table(), rename.column(), rename.from(), where);
  }
}
