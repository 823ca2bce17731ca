package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import java.util.List;

/** Server defaults: added, changed, removed, and equivalent spellings that are no change. */
final class DefaultScenarios {

  private DefaultScenarios() {}

  private static String account(String statusAnnotation, String createdAnnotation) {
    return entity("Account", "accounts", ID, statusAnnotation + " String status;", createdAnnotation + " Instant created;",
        "Integer credits;");
  }

  static List<Scenario> all() {
    return List.of(
        named("a default added")
            .before(account("", ""))
            .after(account("@ColumnDefault(\"'new'\")", ""))
            .expect("alter column accounts.status: set default 'new'"),
        named("a default changed")
            .before(account("@ColumnDefault(\"'new'\")", ""))
            .after(account("@ColumnDefault(\"'fresh'\")", ""))
            .expect("alter column accounts.status: set default 'fresh'"),
        named("a default removed")
            .before(account("@ColumnDefault(\"'new'\")", ""))
            .after(account("", ""))
            .expect("alter column accounts.status: drop default"),
        named("a time default, spelled as the database spells it back")
            .before(account("", ""))
            .after(account("", "@ColumnDefault(\"CURRENT_TIMESTAMP\")"))
            .expect("alter column accounts.created: set default CURRENT_TIMESTAMP"),
        named("now() is a time default too")
            .before(account("", ""))
            .after(account("", "@ColumnDefault(\"now()\")"))
            .expect("alter column accounts.created: set default now()"),
        named("a numeric default in a new table")
            .after(entity("Account", "accounts", ID, "@ColumnDefault(\"0\") Integer credits;",
                "@ColumnDefault(\"1.5\") Double rate;", "@ColumnDefault(\"true\") Boolean active;"))
            .expect("create table accounts"),
        named("a NOT NULL column added with a default fills existing rows")
            .before(account("", ""))
            .after(entity("Account", "accounts", ID, "String status;", "Instant created;", "Integer credits;",
                "@ColumnDefault(\"'basic'\") @Column(nullable = false) String plan;"))
            .expect("add column accounts.plan"));
  }
}
