package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.FK_MANAGER;
import static dev.autogenerate.operations.Fixtures.FK_TEAM;
import static dev.autogenerate.operations.Fixtures.USERS;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.operations.Fixtures.replay;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Adding and dropping each kind of constraint: applied, and undone by the inverse. */
class ConstraintOperationsTest {

  /** A table with no constraints at all, to add a primary key and a foreign key to. */
  private static final Table LOOSE = new Table("loose",
      List.of(column("a", SqlType.BIGINT).notNull(), column("b", SqlType.TEXT)), Optional.empty());

  private static final Schema WITH_LOOSE = BEFORE.withTable(LOOSE);

  /** The users table of the fixture with other constraints, its columns and indexes as they are. */
  private static Table users(Optional<PrimaryKey> primaryKey, List<UniqueConstraint> uniques, List<ForeignKey> keys,
      List<CheckConstraint> checks) {
    return new Table("users", USERS.columns(), primaryKey, uniques, keys, checks, USERS.indexes(), USERS.comment());
  }

  @Test
  void addPrimaryKeyIsUndoneByDroppingIt() {
    PrimaryKey key = primaryKey("a").named("pk_loose");
    AddConstraint add = new AddConstraint("loose", key);
    assertEquals(List.of(new DropConstraint("loose", "pk_loose")), add.inverse(WITH_LOOSE));
    assertRoundTrip(add, WITH_LOOSE, WITH_LOOSE.withTable(
        new Table("loose", LOOSE.columns(), Optional.of(key))));
  }

  @Test
  void addUniqueConstraintComesAfterTheOthersAndIsUndone() {
    UniqueConstraint unique = unique("uq_users_team_id_age", "team_id", "age");
    assertRoundTrip(new AddConstraint("users", unique), BEFORE, BEFORE.withTable(users(USERS.primaryKey(),
        List.of(USERS.uniqueConstraints().get(0), USERS.uniqueConstraints().get(1), unique),
        USERS.foreignKeys(), USERS.checks())));
  }

  @Test
  void addForeignKeyKeepsItsActionsAndIsUndone() {
    ForeignKey key = foreignKey("fk_loose_a_teams", List.of("a"), "teams", List.of("id"))
        .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_DEFAULT);
    Schema after = assertRoundTrip(new AddConstraint("loose", key), WITH_LOOSE, WITH_LOOSE.withTable(
        new Table("loose", LOOSE.columns(), Optional.empty(), List.of(), List.of(key), List.of(), List.of(), null)));
    ForeignKey added = after.requireTable("loose").foreignKeys().get(0);
    assertEquals(ReferentialAction.CASCADE, added.onDelete());
    assertEquals(ReferentialAction.SET_DEFAULT, added.onUpdate());
  }

  @Test
  void addCheckConstraintIsUndone() {
    CheckConstraint check = check("ck_users_email", "email <> ''");
    assertRoundTrip(new AddConstraint("users", check), BEFORE, BEFORE.withTable(users(USERS.primaryKey(),
        USERS.uniqueConstraints(), USERS.foreignKeys(), List.of(USERS.checks().get(0), check))));
  }

  @Test
  void addConstraintNeedsAName() {
    // Its inverse drops it by name.
    assertThrows(IllegalArgumentException.class, () -> new AddConstraint("users", unique(null, "email")));
    assertThrows(IllegalArgumentException.class, () -> new AddConstraint("users", primaryKey("id")));
  }

  @Test
  void addConstraintRefusesATakenNameASecondPrimaryKeyAMissingColumnOrTable() {
    assertThrows(IllegalArgumentException.class,
        () -> new AddConstraint("users", unique("ck_users_age", "email")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new AddConstraint("users", primaryKey("email").named("pk_users_email")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new AddConstraint("users", unique("uq_users_nope", "nope")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new AddConstraint("nope", unique("uq_nope", "id")).applyTo(BEFORE));
  }

  @Test
  void dropPrimaryKeyIsUndoneByAddingItBack() {
    DropConstraint drop = new DropConstraint("users", "pk_users");
    assertEquals(List.of(new AddConstraint("users", primaryKey("id").named("pk_users"))), drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, BEFORE.withTable(users(Optional.empty(), USERS.uniqueConstraints(),
        USERS.foreignKeys(), USERS.checks())));
  }

  @Test
  void dropUniqueConstraintIsUndoneByAddingItBack() {
    DropConstraint drop = new DropConstraint("users", "uq_users_manager_id");
    assertEquals(List.of(new AddConstraint("users", unique("uq_users_manager_id", "manager_id"))),
        drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, BEFORE.withTable(users(USERS.primaryKey(),
        List.of(unique("uq_users_email", "email")), USERS.foreignKeys(), USERS.checks())));
  }

  @Test
  void dropForeignKeyIsUndoneByAddingItBackWithItsActions() {
    DropConstraint drop = new DropConstraint("users", "fk_users_manager_id_users");
    assertEquals(List.of(new AddConstraint("users", FK_MANAGER)), drop.inverse(BEFORE));
    assertEquals(FK_MANAGER, drop.definition(BEFORE));
    assertRoundTrip(drop, BEFORE, BEFORE.withTable(users(USERS.primaryKey(), USERS.uniqueConstraints(),
        List.of(FK_TEAM), USERS.checks())));
  }

  @Test
  void dropCheckConstraintIsUndoneByAddingItBack() {
    DropConstraint drop = new DropConstraint("users", "ck_users_age");
    assertEquals(List.of(new AddConstraint("users", check("ck_users_age", "age >= 0"))), drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, BEFORE.withTable(users(USERS.primaryKey(), USERS.uniqueConstraints(),
        USERS.foreignKeys(), List.of())));
  }

  @Test
  void aConstraintDroppedFromTheMiddleComesBackAfterTheOthersOfItsKind() {
    // Constraint order carries no meaning (the diff never compares it), and re-adding appends.
    DropConstraint drop = new DropConstraint("users", "uq_users_email");
    Schema restored = replay(drop.applyTo(BEFORE), drop.inverse(BEFORE));
    assertEquals(BEFORE.withTable(users(USERS.primaryKey(),
            List.of(unique("uq_users_manager_id", "manager_id"), unique("uq_users_email", "email")),
            USERS.foreignKeys(), USERS.checks())),
        restored);
  }

  @Test
  void dropConstraintRefusesAMissingConstraintOrTable() {
    assertThrows(IllegalArgumentException.class, () -> new DropConstraint("users", "nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropConstraint("users", "nope").inverse(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropConstraint("nope", "pk_users").applyTo(BEFORE));
  }
}
