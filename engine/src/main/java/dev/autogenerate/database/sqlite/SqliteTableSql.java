package dev.autogenerate.database.sqlite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What SQLite's pragmas do not tell about a table, read from the {@code CREATE TABLE} statement
 * it keeps in {@code sqlite_schema.sql}: which column is {@code AUTOINCREMENT}, the names of
 * constraints, check constraints, {@code WITHOUT ROWID}, and the {@code INTEGER PRIMARY KEY DESC}
 * quirk.
 *
 * <p>A small tokenizer, not a SQL parser: it knows quoting ({@code "x"}, {@code `x`},
 * {@code [x]}, {@code 'x'}), comments and parentheses, and splits the body at its top-level
 * commas; that is enough, since SQLite only stores statements it has parsed. It never throws:
 * text it cannot follow yields a table with none of these properties.
 *
 * <p>Constraint names are given as the model names them ({@link SqliteNames#asWritten}: folded
 * when written without quotes); the columns and tables they name, as written.
 *
 * @param virtual a {@code CREATE VIRTUAL TABLE}, whose body belongs to its module
 * @param withoutRowid declared {@code WITHOUT ROWID}
 * @param bareName whether the statement writes the table's name without quotes (false when unknown)
 * @param bareColumns the names of the columns whose definitions write them without quotes, as written
 * @param primaryKeyName the name in {@code CONSTRAINT name PRIMARY KEY}, or null
 * @param autoincrementColumns lower-cased names of the {@code AUTOINCREMENT} column(s)
 * @param descendingKeyColumns lower-cased names of columns declared {@code PRIMARY KEY DESC}
 * @param namedUniques unique constraints declared with {@code CONSTRAINT name}, table-level
 *     ({@code constraint uq unique (a, b)}) or on a column ({@code a text constraint uq unique}),
 *     in declaration order
 * @param namedForeignKeys foreign keys declared with {@code CONSTRAINT name}, table-level or on a
 *     column ({@code team_id int constraint fk references teams}), in declaration order
 * @param checks every check constraint, table-level or on a column, in declaration order, with
 *     its name when it has one and its expression as written between the parentheses
 */
record SqliteTableSql(
    boolean virtual,
    boolean withoutRowid,
    boolean bareName,
    Set<String> bareColumns,
    String primaryKeyName,
    Set<String> autoincrementColumns,
    Set<String> descendingKeyColumns,
    List<NamedConstraint> namedUniques,
    List<NamedConstraint> namedForeignKeys,
    List<Check> checks) {

  private static final SqliteTableSql UNKNOWN =
      new SqliteTableSql(false, false, false, Set.of(), null, Set.of(), Set.of(), List.of(), List.of(), List.of());

  /**
   * A named unique constraint or foreign key.
   *
   * @param columns the constrained columns, as written
   * @param referencedTable for a foreign key the referenced table as written, else null
   */
  record NamedConstraint(String name, List<String> columns, String referencedTable) {

    NamedConstraint {
      columns = List.copyOf(columns);
    }

    /**
     * The same declaration, names compared as SQLite compares them (ignoring case), as
     * {@link #matches} does: a declaration written twice, in whatever case, gives its name once.
     */
    boolean sameAs(NamedConstraint other) {
      return name.equalsIgnoreCase(other.name) && sameNames(columns, other.columns)
          && (referencedTable == null ? other.referencedTable == null
              : other.referencedTable != null && referencedTable.equalsIgnoreCase(other.referencedTable));
    }

    /** Whether this constraint is on these columns (and references this table), ignoring case. */
    boolean matches(List<String> otherColumns, String otherReferencedTable) {
      return sameNames(columns, otherColumns)
          && (referencedTable == null || otherReferencedTable == null
              || referencedTable.equalsIgnoreCase(otherReferencedTable));
    }
  }

  /** A check constraint: its name or null, and its expression as written. */
  record Check(String name, String expression) {}

  SqliteTableSql {
    bareColumns = Set.copyOf(bareColumns);
    autoincrementColumns = Set.copyOf(autoincrementColumns);
    descendingKeyColumns = Set.copyOf(descendingKeyColumns);
    namedUniques = List.copyOf(namedUniques);
    namedForeignKeys = List.copyOf(namedForeignKeys);
    checks = List.copyOf(checks);
  }

  boolean isAutoincrement(String column) {
    return autoincrementColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the column is declared {@code INTEGER PRIMARY KEY DESC}, which SQLite, for backwards
   * compatibility, does not make an alias of the rowid.
   */
  boolean isDescendingKey(String column) {
    return descendingKeyColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  static SqliteTableSql parse(String sql) {
    if (sql == null) {
      return UNKNOWN;
    }
    List<Token> tokens = tokenize(sql);
    if (tokens.size() >= 2 && tokens.get(0).isWord("create") && tokens.get(1).isWord("virtual")) {
      // A virtual table's columns are its module's arguments, which this does not read: its
      // names are left as SQLite keeps them, table and columns alike.
      return new SqliteTableSql(true, false, false, Set.of(), null, Set.of(), Set.of(), List.of(), List.of(), List.of());
    }
    int open = indexOfFirst(tokens, "(");
    if (open < 0) {
      return UNKNOWN;
    }
    List<List<Token>> definitions = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    int close = -1;
    for (int i = open + 1; i < tokens.size() && close < 0; i++) {
      Token token = tokens.get(i);
      if (token.isPunct("(")) {
        depth++;
      } else if (token.isPunct(")")) {
        if (depth == 0) {
          close = i;
          continue;
        }
        depth--;
      } else if (depth == 0 && token.isPunct(",")) {
        definitions.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(token.withDepth(depth));
    }
    if (close < 0) {
      return UNKNOWN;
    }
    definitions.add(current);

    boolean withoutRowid = false;
    for (int i = close + 1; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isWord("without") && tokens.get(i + 1).isWord("rowid")) {
        withoutRowid = true;
      }
    }
    Collected collected = new Collected();
    for (List<Token> definition : definitions) {
      if (!definition.isEmpty()) {
        readDefinition(sql, definition, collected);
      }
    }
    return new SqliteTableSql(false, withoutRowid, createsBareName(tokens), collected.bareColumns,
        collected.primaryKeyName, collected.autoincrement,
        collected.descending, collected.uniques, collected.foreignKeys, collected.checks);
  }

  /** What the definitions of a table declare, gathered one definition at a time. */
  private static final class Collected {
    final Set<String> bareColumns = new HashSet<>();
    String primaryKeyName;
    final Set<String> autoincrement = new HashSet<>();
    final Set<String> descending = new HashSet<>();
    final List<NamedConstraint> uniques = new ArrayList<>();
    final List<NamedConstraint> foreignKeys = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
  }

  /**
   * One column definition or table constraint. Every constraint may be preceded by
   * {@code CONSTRAINT name}; the name belongs to the constraint keyword that follows it.
   */
  private static void readDefinition(String sql, List<Token> definition, Collected collected) {
    Token first = definition.get(0);
    boolean tableConstraint = first.isWord("constraint") || first.isWord("primary")
        || first.isWord("unique") || first.isWord("check") || first.isWord("foreign");
    String column = tableConstraint ? null : first.text();
    if (column != null && !first.quoted()) {
      collected.bareColumns.add(column);
    }
    String pendingName = null;
    for (int i = tableConstraint ? 0 : 1; i < definition.size(); i++) {
      Token token = definition.get(i);
      if (token.depth() != 0 || token.punct()) {
        continue;
      }
      if (token.isWord("constraint") && i + 1 < definition.size()) {
        Token name = definition.get(i + 1);
        pendingName = SqliteNames.asWritten(name.text(), name.quoted());
        i++;
        continue;
      }
      String name = pendingName;
      if (token.isWord("primary")) {
        pendingName = null;
        if (name != null) {
          collected.primaryKeyName = name;
        }
        if (column != null && i + 2 < definition.size()
            && definition.get(i + 1).isWord("key") && definition.get(i + 2).isWord("desc")) {
          collected.descending.add(column.toLowerCase(Locale.ROOT));
        }
      } else if (token.isWord("unique")) {
        pendingName = null;
        if (name != null) {
          List<String> columns = column != null ? List.of(column) : nameList(definition, i + 1);
          if (!columns.isEmpty()) {
            collected.uniques.add(new NamedConstraint(name, columns, null));
          }
        }
      } else if (token.isWord("check")) {
        pendingName = null;
        int openAt = i + 1;
        int closeAt = matchingClose(definition, openAt);
        if (closeAt > 0) {
          String expression = sql.substring(definition.get(openAt).end(), definition.get(closeAt).start()).trim();
          if (!expression.isEmpty()) {
            collected.checks.add(new Check(name, expression));
          }
          i = closeAt;
        }
      } else if (token.isWord("foreign") || token.isWord("references")) {
        pendingName = null;
        int referencesAt = i;
        List<String> columns;
        if (token.isWord("foreign")) {
          // FOREIGN KEY (a, b) REFERENCES t ...
          columns = nameList(definition, i + 2);
          referencesAt = indexOfWord(definition, "references", i + 2);
        } else {
          columns = column == null ? List.of() : List.of(column);
        }
        if (name != null && !columns.isEmpty() && referencesAt >= 0 && referencesAt + 1 < definition.size()) {
          collected.foreignKeys.add(new NamedConstraint(name, columns, definition.get(referencesAt + 1).text()));
        }
        if (referencesAt > i) {
          i = referencesAt;
        }
      } else if (column != null && token.isWord("autoincrement")) {
        collected.autoincrement.add(column.toLowerCase(Locale.ROOT));
      } else if (token.isWord("not") || token.isWord("null") || token.isWord("default")
          || token.isWord("collate") || token.isWord("generated") || token.isWord("as")) {
        pendingName = null; // a named constraint of a kind not modelled
      }
    }
  }

  /**
   * The first names of the comma-separated items in the parenthesis opening at {@code open}:
   * {@code (a, b collate nocase, c desc)} gives a, b, c. Empty when there is no parenthesis.
   */
  private static List<String> nameList(List<Token> definition, int open) {
    int close = matchingClose(definition, open);
    if (close < 0) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    boolean itemStart = true;
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      Token token = definition.get(i);
      if (token.isPunct("(")) {
        depth++;
      } else if (token.isPunct(")")) {
        depth--;
      } else if (depth == 0 && token.isPunct(",")) {
        itemStart = true;
        continue;
      }
      if (itemStart && depth == 0 && !token.punct()) {
        names.add(token.text());
      }
      itemStart = false;
    }
    return names;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int matchingClose(List<Token> definition, int open) {
    if (open >= definition.size() || !definition.get(open).isPunct("(")) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < definition.size(); i++) {
      Token token = definition.get(i);
      if (token.isPunct("(")) {
        depth++;
      } else if (token.isPunct(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int indexOfWord(List<Token> definition, String word, int from) {
    for (int i = Math.max(from, 0); i < definition.size(); i++) {
      if (definition.get(i).depth() == 0 && definition.get(i).isWord(word)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfFirst(List<Token> tokens, String punct) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPunct(punct)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a {@code CREATE} statement of SQLite's schema (table, index, view, trigger) writes
   * the name of what it creates without quotes: {@code create index ix_Name on ...} does,
   * {@code create table "Tag" (...)} does not. False when the statement cannot be followed.
   */
  /**
   * The model's name for an index or view SQLite keeps as {@code stored}, created by that
   * statement: folded where the statement wrote it without quotes. A name with no ASCII capital
   * folds to itself, so its statement is not read at all (one tokenizing per index, on every
   * inspection, otherwise).
   */
  static String nameAsCreated(String stored, String createSql) {
    return SqliteNames.asciiLowerCase(stored).equals(stored) ? stored
        : SqliteNames.asWritten(stored, !createsBareName(createSql));
  }

  static boolean createsBareName(String createSql) {
    return createSql != null && createsBareName(tokenize(createSql));
  }

  private static boolean createsBareName(List<Token> tokens) {
    int at = 0;
    while (at < tokens.size() && !(tokens.get(at).isWord("table") || tokens.get(at).isWord("index")
        || tokens.get(at).isWord("view") || tokens.get(at).isWord("trigger"))) {
      at++;
    }
    at++;
    if (at + 2 < tokens.size() && tokens.get(at).isWord("if") && tokens.get(at + 1).isWord("not")
        && tokens.get(at + 2).isWord("exists")) {
      at += 3;
    }
    if (at + 1 < tokens.size() && tokens.get(at + 1).isPunct(".")) {
      at += 2; // schema.name
    }
    return at < tokens.size() && !tokens.get(at).quoted() && !tokens.get(at).punct();
  }

  /**
   * Whether a {@code CREATE INDEX} statement names a collation in its column list
   * ({@code create index i on t (name collate nocase)}), which an index of the model cannot say.
   */
  static boolean indexNamesCollation(String createIndexSql) {
    if (createIndexSql == null) {
      return false;
    }
    List<Token> tokens = tokenize(createIndexSql);
    int open = indexOfFirst(tokens, "(");
    if (open < 0) {
      return false;
    }
    for (int i = open + 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isWord("where")) {
        return false;
      }
      if (token.isWord("collate")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A token: a bare word (keyword, identifier, number), a quoted name or string with its quotes
   * removed, or one punctuation character. {@code depth} is its parenthesis depth in a definition
   * (an opening parenthesis counts as inside, its closing one as outside); {@code start} and
   * {@code end} are its offsets in the statement.
   */
  private record Token(String text, boolean quoted, boolean punct, int depth, int start, int end) {

    boolean isWord(String keyword) {
      return !quoted && !punct && text.equalsIgnoreCase(keyword);
    }

    boolean isPunct(String character) {
      return punct && text.equals(character);
    }

    Token withDepth(int newDepth) {
      return new Token(text, quoted, punct, newDepth, start, end);
    }
  }

  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
        char closing = c == '[' ? ']' : c;
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < length) {
          char d = sql.charAt(j);
          if (d == closing) {
            if (closing != ']' && j + 1 < length && sql.charAt(j + 1) == closing) {
              text.append(d);
              j += 2;
              continue;
            }
            break;
          }
          text.append(d);
          j++;
        }
        int end = Math.min(j + 1, length);
        tokens.add(new Token(text.toString(), true, false, 0, i, end));
        i = end;
      } else if (isWordChar(c)) {
        int j = i;
        while (j < length && isWordChar(sql.charAt(j))) {
          j++;
        }
        tokens.add(new Token(sql.substring(i, j), false, false, 0, i, j));
        i = j;
      } else {
        tokens.add(new Token(String.valueOf(c), false, true, 0, i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  /** The name of the common table expression that gives a view's columns the names its column list says. */
  static final String VIEW_COLUMNS_CTE = "_autogenerate_view";

  /**
   * The query of a {@code CREATE VIEW} statement: what follows its first {@code AS} outside quotes
   * and parentheses, or null when there is none. A column list before it ({@code create view v
   * (a, b) as ...}) names the view's columns: the query then names them the same way, as
   * {@code WITH _autogenerate_view (a, b) AS (...) SELECT * FROM _autogenerate_view}, so that the
   * view created again from it has the same columns, whatever database runs it.
   */
  static String viewQuery(String createView) {
    int depth = 0;
    int i = 0;
    int columnsFrom = -1;
    int columnsTo = -1;
    while (i < createView.length()) {
      char c = createView.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = createView.indexOf(close, i + 1);
        i = end < 0 ? createView.length() : end + 1;
      } else if (c == '(') {
        if (depth == 0 && columnsFrom < 0) {
          columnsFrom = i + 1;
        }
        depth++;
        i++;
      } else if (c == ')' && depth == 1 && columnsTo < 0) {
        columnsTo = i;
        depth--;
        i++;
      } else if (c == ')') {
        depth--;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < createView.length()
            && (Character.isLetterOrDigit(createView.charAt(end)) || createView.charAt(end) == '_')) {
          end++;
        }
        if (depth == 0 && end - i == 2 && createView.substring(i, end).equalsIgnoreCase("as")) {
          String query = createView.substring(end).strip();
          if (query.isEmpty()) {
            return null;
          }
          return columnsTo < 0 ? query : "WITH " + VIEW_COLUMNS_CTE + " (" + createView.substring(columnsFrom, columnsTo)
              .strip() + ") AS (" + query + ") SELECT * FROM " + VIEW_COLUMNS_CTE;
        }
        i = end;
      } else {
        i++;
      }
    }
    return null;
  }
}
