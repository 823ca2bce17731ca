package dev.autogenerate.codegen;

import java.util.HashSet;
import java.util.Set;

/**
 * What a piece of generated code costs in its class file, estimated from above: the bytes of
 * bytecode it compiles to (Java allows 65,535 per method) and the literal constants it adds to
 * the class's constant pool (65,535 entries per class, each string taking two).
 *
 * <p>The estimate reads the source text token by token and charges each token the most the
 * compiler spends on it: a literal or a member reference three bytes ({@code ldc_w}, {@code
 * invokestatic}, {@code getstatic}), an opening parenthesis what a varargs array and its first
 * element take, a comma what one more array element takes. Generated calls are flat, with no
 * branches or locals, so this bounds what javac emits; it does not need to be close, only never
 * below (a first migration's {@code createTable} and {@code createIndex}: 470 estimated, 225
 * compiled).
 *
 * @param bytes the estimated bytes of bytecode
 * @param constants the distinct string and number literals, as written
 */
record CodeSize(int bytes, Set<String> constants) {

  /** A literal or a member reference: {@code ldc_w}, {@code invokestatic}, {@code getstatic}. */
  private static final int REFERENCE = 3;
  /**
   * What a call adds beyond its name and arguments when they go into a varargs array: the size
   * and {@code anewarray}, and the first element's {@code dup}, index and {@code aastore}.
   */
  private static final int CALL = 7;
  /** One more array element: {@code dup}, {@code sipush}, {@code aastore}. */
  private static final int ELEMENT = 5;
  /** The {@code pop} of a statement's unused result. */
  private static final int STATEMENT = 1;

  CodeSize {
    constants = Set.copyOf(constants);
  }

  /** The size of one statement, given as the Java text it is written as. */
  static CodeSize ofStatement(String text) {
    int bytes = STATEMENT;
    Set<String> constants = new HashSet<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = endOfStringLiteral(text, i);
        constants.add(text.substring(i, end));
        bytes += REFERENCE;
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        constants.add(text.substring(i, end));
        bytes += REFERENCE;
        i = end;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        bytes += REFERENCE;
        i = end;
      } else {
        bytes += c == '(' ? CALL : c == ',' ? ELEMENT : 0;
        i++;
      }
    }
    return new CodeSize(bytes, constants);
  }

  /** The index just past the literal starting with the quote at {@code start}. */
  private static int endOfStringLiteral(String text, int start) {
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }

  /**
   * The constant-pool entries the literals of these sizes take together: two per distinct string
   * ({@code CONSTANT_String} and its UTF-8 text), and two per number (a {@code long} takes two
   * slots).
   */
  static int constantPoolEntries(Iterable<CodeSize> sizes) {
    Set<String> distinct = new HashSet<>();
    sizes.forEach(size -> distinct.addAll(size.constants()));
    return 2 * distinct.size();
  }
}
