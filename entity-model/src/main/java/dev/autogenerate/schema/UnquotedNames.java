package dev.autogenerate.schema;

/**
 * What a name written without quotes is, as PostgreSQL holds it: its ASCII letters in lower case,
 * every other character as written. PostgreSQL folds nothing else in a UTF-8 database
 * ({@code create table Überweisung} is {@code Überweisung}), and SQLite takes exactly the ASCII
 * letters of two spellings for one; folding more ({@code überweisung}) names a table neither
 * database has.
 */
public final class UnquotedNames {

  private UnquotedNames() {}

  public static String fold(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] folded = name.toCharArray();
        for (int j = i; j < folded.length; j++) {
          char each = folded[j];
          folded[j] = each >= 'A' && each <= 'Z' ? (char) (each + ('a' - 'A')) : each;
        }
        return new String(folded);
      }
    }
    return name;
  }
}
