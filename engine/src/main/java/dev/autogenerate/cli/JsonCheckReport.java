package dev.autogenerate.cli;

import static dev.autogenerate.cli.JsonText.array;
import static dev.autogenerate.cli.JsonText.string;
import static dev.autogenerate.cli.JsonText.strings;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.database.CountedRisk;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code check}'s report for tools: one JSON object on one line, keys always present and always
 * in the same order, so that two runs on the same state print the same bytes.
 *
 * <pre>{@code
 * {"status":"differences","upToDate":true,"notUpToDateReason":null,"strict":false,
 *  "databaseRevisions":["a1"],"migrationHeads":["a1"],
 *  "differences":[{"operation":"add column users.age","subject":"users","column":"age","reason":null}],
 *  "warnings":[],"notes":[],
 *  "risks":[{"operation":"drop column users.nick","subject":"users","column":"nick","kind":"dropped_column",
 *            "consequence":"dropping it deletes its values","counted":"rows holding a value","rows":12}],
 *  "unplannable":null}
 * }</pre>
 *
 * <p>{@code unplannable} says why no migration can be written for how the entities differ (a view
 * reads a column they drop); then {@code differences} is empty and the status is differences.
 */
final class JsonCheckReport {

  private JsonCheckReport() {}

  static void write(CheckOutcome outcome, PrintWriter out) {
    out.println("{"
        + field("status", string(outcome.differs() ? "differences" : "ok")) + ","
        + field("upToDate", String.valueOf(outcome.notUpToDate().isEmpty())) + ","
        + field("notUpToDateReason", string(outcome.notUpToDate().orElse(null))) + ","
        + field("strict", String.valueOf(outcome.strict())) + ","
        + field("databaseRevisions", strings(outcome.databaseRevisions())) + ","
        + field("migrationHeads", strings(outcome.migrationHeads())) + ","
        + field("differences", array(outcome.plan().upgradeChanges().stream().map(JsonCheckReport::difference).toList())) + ","
        + field("warnings", strings(outcome.plan().warnings())) + ","
        + field("notes", strings(outcome.plan().notices())) + ","
        + field("risks", array(outcome.risks().stream().map(JsonCheckReport::risk).toList())) + ","
        + field("unplannable", string(outcome.unplannable().orElse(null)))
        + "}");
  }

  private static String difference(Change change) {
    return "{" + target(change) + "," + field("reason", string(change.reason())) + "}";
  }

  private static String risk(CountedRisk counted) {
    Risk risk = counted.risk();
    return "{" + target(risk.change()) + ","
        + field("kind", string(risk.kind().name().toLowerCase(Locale.ROOT))) + ","
        + field("consequence", string(risk.kind().consequence())) + ","
        + field("counted", string(risk.kind().counted())) + ","
        // null, not 0, when the rows could not be counted: "none" and "unknown" differ for a reviewer
        + field("rows", counted.rows().isPresent() ? String.valueOf(counted.rows().getAsLong()) : "null")
        + "}";
  }

  private static String target(Change change) {
    ChangeTarget target = ChangeTarget.of(change.operation());
    return field("operation", string(change.operation().describe())) + ","
        + field("subject", string(target.subject())) + ","
        + field("column", string(target.column()));
  }

  private static String field(String key, String jsonValue) {
    return string(key) + ":" + jsonValue;
  }
}
