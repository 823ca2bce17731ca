package dev.autogenerate.runtime;

import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Raw SQL that ends or begins a transaction ({@code commit}, {@code rollback}, a pasted
 * {@code BEGIN; ... COMMIT;}). Each revision runs in a transaction the tool commits with its
 * version row; a {@code commit} in {@code op.execute} ends it early, so that what ran before it
 * stays though the revision then fails (the tool would say nothing of it was applied, and run it
 * again when retried: a user test saw an update applied twice), and a {@code rollback} takes the
 * revision's own steps back while its version row is written as applied. No such statement has a
 * place in a revision, so one is refused before anything of the revision runs.
 *
 * <p>Read statement by statement, outside quotes ({@code '...'}, {@code "..."}, dollar quotes) and
 * comments, by the first words of each; the body of a {@code create trigger} or a
 * {@code begin atomic} function ({@code begin ... end}, its {@code case ... end} counted) is part
 * of its statement.
 */
final class TransactionControl {

  /** The first words of a statement that ends a transaction, or begins one inside the revision's. */
  private static final Set<String> ENDING = Set.of("commit", "rollback", "end", "abort", "begin");

  private TransactionControl() {}

  /** Refuses a revision whose raw SQL begins or ends a transaction, naming the statement. */
  static void requireNone(List<Operation> operations, MigrationScript script) {
    for (Operation operation : operations) {
      // A view's definition is spliced into its create statement as written: raw SQL too (a review).
      Optional<String> raw = operation instanceof ExecuteSql execute ? Optional.of(execute.sql())
          : operation instanceof CreateView view ? Optional.of(view.definition()) : Optional.empty();
      String call = operation instanceof ExecuteSql ? "op.execute" : "op.createView";
      raw.flatMap(TransactionControl::first).ifPresent(statement -> {
        throw new UserError("migration " + script.origin() + ": " + call + " runs `" + statement + "`, which ends the"
            + " transaction the revision runs in (what ran before it would stay if the revision then failed, and run"
            + " again when retried): remove it, since each revision already runs in a transaction of its own,"
            + " committed with its version row");
      });
    }
  }

  /** The first statement of {@code sql} that begins or ends a transaction, as its first words. */
  static Optional<String> first(String sql) {
    Scanner scanner = new Scanner(sql);
    while (scanner.skipBlanksAndComments()) {
      String word = scanner.word();
      String second = "";
      if (word.equals("start") || word.equals("prepare")) {
        scanner.skipBlanksAndComments();
        second = scanner.word();
      }
      boolean ending = ENDING.contains(word) || word.equals("start") && second.equals("transaction")
          || word.equals("prepare") && second.equals("transaction");
      // "rollback [work | transaction] to savepoint" stays in the transaction, as "release" does.
      if (word.equals("rollback")) {
        scanner.skipBlanksAndComments();
        String next = scanner.word();
        if (next.equals("work") || next.equals("transaction")) {
          scanner.skipBlanksAndComments();
          next = scanner.word();
        }
        ending = !next.equals("to");
      }
      if (ending) {
        return Optional.of(second.isEmpty() ? word : word + " " + second);
      }
      scanner.toStatementEnd(word.equals("create"));
    }
    return Optional.empty();
  }

  /** A cursor over SQL text that steps over quotes and comments. */
  private static final class Scanner {

    private final String sql;
    private int at;

    Scanner(String sql) {
      this.sql = sql;
    }

    /** Moves past blanks, comments and empty statements; whether text is left. */
    boolean skipBlanksAndComments() {
      while (at < sql.length()) {
        char c = sql.charAt(at);
        if (Character.isWhitespace(c) || c == ';') {
          at++;
        } else if (sql.startsWith("--", at) || sql.startsWith("/*", at)) {
          skipComment();
        } else {
          return true;
        }
      }
      return false;
    }

    /** Moves past the comment at the cursor. */
    private void skipComment() {
      if (sql.startsWith("--", at)) {
        int line = sql.indexOf('\n', at);
        at = line < 0 ? sql.length() : line + 1;
      } else {
        int close = sql.indexOf("*/", at + 2);
        at = close < 0 ? sql.length() : close + 2;
      }
    }

    /** The word at the cursor, in lower case ("" where none is), the cursor after it. */
    String word() {
      int start = at;
      while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_')) {
        at++;
      }
      return sql.substring(start, at).toLowerCase(Locale.ROOT);
    }

    /**
     * Moves to the end of the statement: its {@code ;} outside quotes and comments, or, in a
     * {@code create trigger} or a {@code begin atomic} function, past its {@code begin ... end}
     * body first (a column named {@code begin} opens none).
     */
    void toStatementEnd(boolean create) {
      int bodyDepth = 0;
      boolean trigger = false;
      while (at < sql.length()) {
        char c = sql.charAt(at);
        if (c == '\'' && at > 0 && (sql.charAt(at - 1) == 'E' || sql.charAt(at - 1) == 'e')
            && (at == 1 || !Character.isLetterOrDigit(sql.charAt(at - 2)) && sql.charAt(at - 2) != '_')) {
          // An escape string (E'it\'s'): a backslash takes the character after it.
          at++;
          while (at < sql.length() && sql.charAt(at) != '\'') {
            at += sql.charAt(at) == '\\' ? 2 : 1;
          }
          at++;
        } else if (c == '\'' || c == '"') {
          int close = sql.indexOf(c, at + 1);
          // A doubled quote inside is two quoted runs in a row, the same to this reading.
          at = close < 0 ? sql.length() : close + 1;
        } else if (c == '$' && (at == 0 || !isWordCharacter(sql.charAt(at - 1))) && dollarTag().isPresent()) {
          String tag = dollarTag().get();
          int close = sql.indexOf(tag, at + tag.length());
          at = close < 0 ? sql.length() : close + tag.length();
        } else if (sql.startsWith("--", at) || sql.startsWith("/*", at)) {
          // The comment only: a ';' after it still ends the statement (a review found a commit
          // after "/* seed */;" read as part of the statement before it).
          skipComment();
        } else if (c == ';' && bodyDepth == 0) {
          at++;
          return;
        } else if (Character.isLetter(c) || c == '_') {
          boolean wordStart = at == 0 || !(Character.isLetterOrDigit(sql.charAt(at - 1)) || sql.charAt(at - 1) == '_');
          String word = word();
          if (wordStart && create) {
            trigger |= bodyDepth == 0 && word.equals("trigger");
            if (word.equals("begin") && (trigger || nextWordIs("atomic")) || bodyDepth > 0 && word.equals("case")) {
              bodyDepth++;
            } else if (word.equals("end") && bodyDepth > 0) {
              bodyDepth--;
            }
          }
        } else {
          at++;
        }
      }
    }

    /** A character of a word or name: a dollar in one ({@code a$b$c}) opens no quote. */
    private static boolean isWordCharacter(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Whether the word after the cursor's blanks is this one; the cursor stays. */
    private boolean nextWordIs(String expected) {
      int start = at;
      skipBlanksAndComments();
      boolean is = word().equals(expected);
      at = start;
      return is;
    }

    /** The dollar-quote tag at the cursor ({@code $$}, {@code $body$}), if one starts there. */
    private Optional<String> dollarTag() {
      int end = at + 1;
      while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
        end++;
      }
      boolean tag = end < sql.length() && sql.charAt(end) == '$'
          && (end == at + 1 || !Character.isDigit(sql.charAt(at + 1)));
      return tag ? Optional.of(sql.substring(at, end + 1)) : Optional.empty();
    }
  }
}
