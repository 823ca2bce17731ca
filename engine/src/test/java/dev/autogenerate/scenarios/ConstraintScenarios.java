package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.annotated;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import dev.autogenerate.schema.DatabaseKind;
import java.util.List;

/** Primary keys, foreign keys, unique and check constraints. */
final class ConstraintScenarios {

  static final String TEAM = entity("Team", "teams", ID, "String name;");
  static final String USER = entity("User", "users", ID, "String email;");
  static final String USER_IN_TEAM = entity("User", "users", ID, "String email;", "@ManyToOne Team team;");

  private ConstraintScenarios() {}

  static List<Scenario> all() {
    return List.of(
        named("two new tables linked by a foreign key come in order")
            .after(USER_IN_TEAM, TEAM)
            .expect("create table teams", "create table users"),
        named("a new many-to-one adds the column and its foreign key")
            .before(USER, TEAM)
            .after(USER_IN_TEAM, TEAM)
            .expect("add column users.team_id", "add foreign key fk_users_team_id_teams on users"),
        named("a removed many-to-one drops the foreign key, then the column")
            .before(USER_IN_TEAM, TEAM)
            .after(USER, TEAM)
            .expect("drop constraint fk_users_team_id_teams on users", "drop column users.team_id"),
        named("a many-to-one to a new entity creates it first")
            .before(USER)
            .after(USER_IN_TEAM, TEAM)
            .expect("create table teams", "add column users.team_id", "add foreign key fk_users_team_id_teams on users"),
        named("on delete cascade changes the foreign key")
            .before(USER_IN_TEAM, TEAM)
            .after(entity("User", "users", ID, "String email;",
                "@ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Team team;"), TEAM)
            .expect("drop constraint fk_users_team_id_teams on users", "add foreign key fk_users_team_id_teams on users"),
        named("on delete set null")
            .after(entity("User", "users", ID, "@ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) Team team;"), TEAM)
            .expect("create table teams", "create table users"),
        named("a self-referencing foreign key")
            .after(entity("Employee", "employees", ID, "String name;", "@ManyToOne Employee manager;"))
            .expect("create table employees"),
        named("a self reference added to an existing table")
            .before(entity("Employee", "employees", ID, "String name;"))
            .after(entity("Employee", "employees", ID, "String name;", "@ManyToOne Employee manager;"))
            .expect("add column employees.manager_id", "add foreign key fk_employees_manager_id_employees on employees"),
        named("two new tables that reference each other")
            .after(entity("Author", "authors", ID, "@OneToOne Book favourite;"),
                entity("Book", "books", ID, "@ManyToOne Author author;"))
            .expectOn(DatabaseKind.SQLITE, "create table books", "create table authors")
            .expect("create table books", "create table authors", "add foreign key fk_books_author_id_authors on books"),
        named("two linked tables dropped together, referencing first")
            .before(USER_IN_TEAM, TEAM, entity("Note", "notes", ID))
            .after(entity("Note", "notes", ID))
            .expect("drop table users", "drop table teams"),
        named("a composite primary key")
            .after(annotated("Membership", "@Entity\n@Table(name = \"memberships\")\n@IdClass(Membership.Key.class)",
                "public record Key(Long teamId, Long userId) implements java.io.Serializable {}",
                "@Id Long teamId;", "@Id Long userId;", "String role;"))
            .expect("create table memberships"),
        named("a composite foreign key to a composite primary key")
            .before(annotated("Membership", "@Entity\n@Table(name = \"memberships\")\n@IdClass(Membership.Key.class)",
                "public record Key(Long teamId, Long userId) implements java.io.Serializable {}",
                "@Id Long teamId;", "@Id Long userId;"))
            .after(annotated("Membership", "@Entity\n@Table(name = \"memberships\")\n@IdClass(Membership.Key.class)",
                "public record Key(Long teamId, Long userId) implements java.io.Serializable {}",
                "@Id Long teamId;", "@Id Long userId;"),
                entity("Grant", "grants", ID, "@ManyToOne @JoinColumns({@JoinColumn(name = \"team_id\","
                    + " referencedColumnName = \"teamId\"), @JoinColumn(name = \"user_id\", referencedColumnName = \"userId\")})"
                    + " Membership membership;"))
            .expect("create table grants"),
        named("a many-to-many adds a join table with two foreign keys")
            .before(USER, TEAM)
            .after(entity("User", "users", ID, "String email;", "@ManyToMany Set<Team> teams;"), TEAM)
            .expect("create table users_teams"),
        named("an element collection adds its table")
            .before(USER)
            .after(entity("User", "users", ID, "String email;", "@ElementCollection Set<String> nicknames;"))
            .expect("create table user_nicknames"),
        named("unique on a column")
            .before(USER)
            .after(entity("User", "users", ID, "@Column(unique = true) String email;"))
            .expect("add unique constraint uq_users_email on users"),
        named("unique removed")
            .before(entity("User", "users", ID, "@Column(unique = true) String email;"))
            .after(USER)
            .expect("drop constraint uq_users_email on users"),
        named("a two-column unique constraint")
            .before(entity("User", "users", ID, "String email;", "String tenant;"))
            .after(annotated("User", "@Entity\n@Table(name = \"users\", uniqueConstraints ="
                + " @UniqueConstraint(columnNames = {\"tenant\", \"email\"}))", ID, "String email;", "String tenant;"))
            .expect("add unique constraint uq_users_tenant_email on users"),
        named("a named unique constraint keeps its name")
            .before(entity("User", "users", ID, "String email;"))
            .after(annotated("User", "@Entity\n@Table(name = \"users\", uniqueConstraints ="
                + " @UniqueConstraint(name = \"users_email_unique\", columnNames = \"email\"))", ID, "String email;"))
            .expect("add unique constraint users_email_unique on users"),
        named("a longer unique column keeps its constraint")
            .before(entity("User", "users", ID, "@Column(unique = true) String email;"))
            .after(entity("User", "users", ID, "@Column(unique = true, length = 320) String email;"))
            .expect("alter column users.email: type varchar(320)"),
        named("a check constraint")
            .before(entity("User", "users", ID, "Integer age;"))
            .after(annotated("User", "@Entity\n@Table(name = \"users\")\n@Check(constraints = \"age >= 0\")", ID, "Integer age;"))
            .expect("add check constraint ck_users_age on users"),
        named("a check constraint removed")
            .before(annotated("User", "@Entity\n@Table(name = \"users\")\n@Check(constraints = \"age >= 0\")", ID, "Integer age;"))
            .after(entity("User", "users", ID, "Integer age;"))
            .expect("drop constraint ck_users_age on users"),
        named("a check constraint changed")
            .before(annotated("User", "@Entity\n@Table(name = \"users\")\n@Check(constraints = \"age >= 0\")", ID, "Integer age;"))
            .after(annotated("User", "@Entity\n@Table(name = \"users\")\n@Check(constraints = \"age >= 18\")", ID, "Integer age;"))
            .expect("drop constraint ck_users_age on users", "add check constraint ck_users_age on users"),
        named("a JPA 3.2 column check")
            .before(entity("Item", "items", ID, "Integer quantity;"))
            .after(entity("Item", "items", ID,
                "@Column(check = @CheckConstraint(name = \"items_quantity_positive\", constraint = \"quantity > 0\")) Integer quantity;"))
            .expect("add check constraint items_quantity_positive on items"),
        named("a primary key on another column")
            .before(annotated("Code", "@Entity\n@Table(name = \"codes\")", "@Id String code;", "String label;"))
            .after(annotated("Code", "@Entity\n@Table(name = \"codes\")", "String code;", "@Id String label;"))
            .expect("drop constraint codes_pkey on codes", "alter column codes.label: set not null",
                "alter column codes.code: drop not null", "add primary key codes_pkey on codes"));
  }
}
