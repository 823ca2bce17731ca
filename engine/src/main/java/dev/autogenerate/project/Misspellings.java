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

  /** Levenshtein's distance: the fewest letters to insert, delete or replace to turn one into the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
