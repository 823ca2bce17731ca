package dev.autogenerate.project;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known word a mistyped one most likely meant, for the "did you mean" of an unknown setting:
 * the command line's keys, the Spring Boot starter's.
 */
public final class Misspellings {

  private Misspellings() {}

  /**
   * The known word closest to {@code word}, when close enough to be a misspelling of it: a letter
   * or so in a short word, up to three in a long one, whatever the case.
   */
  public static Optional<String> closest(String word, Collection<String> known) {
    String lower = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, word.length() / 4));
    return known.stream()
        .filter(candidate -> !candidate.equals(word) && distance(candidate, lower) <= allowed)
        .min(Comparator.comparingInt((String candidate) -> distance(candidate, lower))
            .thenComparing(candidate -> candidate));
  }

  /**
   * The fewest letters to insert, delete or replace, or pairs of neighbours to swap, to turn one
   * into the other (Levenshtein's distance with transpositions: {@code strcit} is one from
   * {@code strict}, as a typist's slip is).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
