package dev.autogenerate.compare;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The database with its checks and column defaults spelled as the migrations wrote them, where
 * they mean the same: what a downgrade puts back is then the migration's own text.
 *
 * <p>PostgreSQL keeps an expression rewritten ({@code status in ('A', 'B')} comes back as
 * {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, {@code 'n/a'}
 * as {@code 'n/a'::character varying}): re-created from the catalog, a dropped check or default
 * reads badly in review and runs on PostgreSQL only. The history replayed knows the text as
 * written; where the comparison's normal form ({@link ComparisonRules#normalForm}) finds both
 * the same, that text is used. One the database
 * changed since (same name, another meaning) keeps the catalog's.
 */
final class RecordedSpellings {

  private RecordedSpellings() {}

  static Schema in(Schema current, Optional<Schema> recorded, ComparisonRules rules) {
    if (recorded.isEmpty()) {
      return current;
    }
    Schema respelled = current;
    for (Table table : current.tables().values()) {
      Optional<Table> written = recorded.get().table(table.name());
      if (written.isPresent()) {
        Table same = respelled(table, written.get(), rules);
        // The same instance when nothing was respelled: most tables, on every command, and no
        // deep comparison (a record's first equals is also linked through method handles).
        if (same != table) {
          respelled = respelled.withTable(same);
        }
      }
    }
    return respelled;
  }

  private static Table respelled(Table table, Table written, ComparisonRules rules) {
    Table respelled = table;
    for (Column column : table.columns()) {
      Optional<String> text = written.column(column.name()).map(Column::defaultSql)
          .filter(recorded -> sameMeaning(recorded, column.defaultSql(), rules));
      if (text.isPresent()) {
        respelled = respelled.withColumnReplaced(column.name(), each -> each.defaultSql(text.get()));
      }
    }
    List<CheckConstraint> checks = new ArrayList<>();
    boolean checksKept = true;
    for (CheckConstraint check : table.checks()) {
      CheckConstraint same = respelled(check, written, rules);
      checksKept &= same == check;
      checks.add(same);
    }
    if (respelled == table && checksKept) {
      return table;
    }
    return new Table(respelled.name(), respelled.columns(), respelled.primaryKey(), respelled.uniqueConstraints(),
        respelled.foreignKeys(), checks, respelled.indexes(), respelled.comment());
  }

  private static CheckConstraint respelled(CheckConstraint check, Table written, ComparisonRules rules) {
    if (check.name() == null) {
      return check;
    }
    return written.checks().stream()
        .filter(recorded -> check.name().equals(recorded.name()) && sameMeaning(recorded.expression(), check.expression(), rules))
        .findFirst().map(recorded -> new CheckConstraint(check.name(), recorded.expression())).orElse(check);
  }

  private static boolean sameMeaning(String recorded, String inspected, ComparisonRules rules) {
    return recorded != null && inspected != null && !recorded.equals(inspected)
        && Objects.equals(rules.normalForm(recorded), rules.normalForm(inspected));
  }
}
