package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.annotated;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import java.util.List;

/** Indexes: single and multi-column, order, DESC, unique, and indexes only the database has. */
final class IndexScenarios {

  private IndexScenarios() {}

  private static String user(String indexes) {
    return annotated("User", "@Entity\n@Table(name = \"users\", indexes = {" + indexes + "})",
        ID, "String email;", "String name;", "LocalDate born;");
  }

  private static final String PLAIN = entity("User", "users", ID, "String email;", "String name;", "LocalDate born;");

  static List<Scenario> all() {
    return List.of(
        named("an index on one column")
            .before(PLAIN)
            .after(user("@Index(columnList = \"name\")"))
            .expect("create index ix_users_name on users"),
        named("an index on two columns")
            .before(PLAIN)
            .after(user("@Index(columnList = \"name, born\")"))
            .expect("create index ix_users_name_born on users"),
        named("a descending index column")
            .before(PLAIN)
            .after(user("@Index(columnList = \"born desc, name\")"))
            .expect("create index ix_users_born_name on users"),
        named("a unique index is a unique constraint, as Hibernate binds it")
            .before(PLAIN)
            .after(user("@Index(columnList = \"email\", unique = true)"))
            .expect("add unique constraint uq_users_email on users"),
        named("a named index keeps its name")
            .before(PLAIN)
            .after(user("@Index(name = \"users_by_name\", columnList = \"name\")"))
            .expect("create index users_by_name on users"),
        named("an expression index the mapping declares is created once")
            .before(PLAIN)
            .after(user("@Index(name = \"ix_users_lower_email\", columnList = \"(lower(email))\")"))
            .expect("create index ix_users_lower_email on users"),
        named("an index in a new table")
            .after(user("@Index(columnList = \"name\")"))
            .expect("create table users", "create index ix_users_name on users"),
        named("an index a migration created and the mapping dropped is dropped")
            .before(user("@Index(columnList = \"name\")"))
            .after(PLAIN)
            .expect("drop index ix_users_name on users"),
        named("an index's columns reordered: the old one, which a migration created, is replaced")
            .before(user("@Index(columnList = \"name, born\")"))
            .after(user("@Index(columnList = \"born, name\")"))
            .expect("drop index ix_users_name_born on users", "create index ix_users_born_name on users"),
        named("a column with an index is dropped, and the index with it")
            .before(user("@Index(columnList = \"name\")"))
            .after(entity("User", "users", ID, "String email;", "LocalDate born;"))
            .expect("drop column users.name"));
  }
}
