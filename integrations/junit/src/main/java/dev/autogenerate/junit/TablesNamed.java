package dev.autogenerate.junit;

import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The tables a revision names, either way: those its operations name (their subject, the tables
 * their foreign keys reference, both names of a rename) and those its raw SQL mentions as a word.
 * A downgrade may rightly change the rows of these; the rows of every other table must come back
 * exactly.
 */
record TablesNamed(Set<String> byOperations, List<String> sql) {

  TablesNamed {
    byOperations = Set.copyOf(byOperations);
    sql = List.copyOf(sql);
  }

  static TablesNamed by(MigrationScript script) {
    Set<String> names = new TreeSet<>();
    List<String> sql = new ArrayList<>();
    List<Operation> operations = new ArrayList<>(script.upgradeOperations());
    operations.addAll(script.downgradeOperations());
    for (Operation operation : operations) {
      operation.namesUsed().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
      if (operation instanceof ExecuteSql execute) {
        sql.add(execute.sql());
      }
    }
    return new TablesNamed(names, sql);
  }

  boolean names(String table) {
    if (byOperations.contains(table.toLowerCase(Locale.ROOT))) {
      return true;
    }
    // A word, not a part of one: the SQL of "users" does not name "user".
    Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(Schema.unqualified(table)) + "(?![\\w$])",
        Pattern.CASE_INSENSITIVE);
    return sql.stream().anyMatch(text -> word.matcher(text).find());
  }
}
