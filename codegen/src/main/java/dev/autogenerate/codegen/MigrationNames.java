package dev.autogenerate.codegen;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * Class names for migrations: {@code M20261122_153000_add_age_column}, the creation time in UTC
 * followed by the message as a slug. Names sort by creation time, and are always valid Java
 * identifiers whatever the message holds.
 */
public final class MigrationNames {

  /** The slug is cut, on a word boundary where there is one, to at most this many characters. */
  public static final int MAX_SLUG_LENGTH = 50;

  /** Letters that Unicode decomposition leaves alone but that have an obvious ASCII spelling. */
  private static final Map<Character, String> LATIN_LIGATURES = Map.ofEntries(
      Map.entry('ß', "ss"),
      Map.entry('æ', "ae"),
      Map.entry('œ', "oe"),
      Map.entry('ø', "o"),
      Map.entry('ð', "d"),
      Map.entry('đ', "d"),
      Map.entry('þ', "th"),
      Map.entry('ł', "l"),
      Map.entry('ı', "i"));

  private MigrationNames() {}

  /**
   * {@code M} + the UTC time as {@code yyyyMMdd_HHmmss} + {@code _} + the {@linkplain #slug slug}
   * of the message, or no suffix when the slug is empty: {@code M20261122_153000}.
   *
   * @throws IllegalArgumentException when the year is outside 1..9999
   */
  public static String className(Instant created, String message) {
    Objects.requireNonNull(created, "created");
    LocalDateTime utc = LocalDateTime.ofInstant(created, ZoneOffset.UTC);
    if (utc.getYear() < 1 || utc.getYear() > 9999) {
      throw new IllegalArgumentException("cannot name a migration created in year " + utc.getYear());
    }
    String stamp = String.format(Locale.ROOT, "M%04d%02d%02d_%02d%02d%02d",
        utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
        utc.getHour(), utc.getMinute(), utc.getSecond());
    String slug = slug(message);
    String name = slug.isEmpty() ? stamp : stamp + "_" + slug;
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalStateException("generated an invalid class name: " + name);
    }
    return name;
  }

  /**
   * The message in lowercase ASCII letters and digits, words separated by single underscores:
   * {@code "Add users.age (nullable)!"} becomes {@code add_users_age_nullable}. Accents are
   * dropped ({@code "Übersicht"} becomes {@code ubersicht}), apostrophes join their word
   * ({@code "user's"} becomes {@code users}), and characters without an ASCII spelling separate
   * words. The result is at most {@link #MAX_SLUG_LENGTH} characters, cut after the last whole
   * word that fits (a single longer word is cut inside). Null or blank gives an empty slug.
   */
  public static String slug(String message) {
    if (message == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(message, Normalizer.Form.NFKD);
    StringBuilder ascii = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      if (c == '\'' || c == '\u2019' || c == '`') {
        continue;
      }
      char lower = Character.toLowerCase(c);
      String replacement = LATIN_LIGATURES.get(lower);
      if (replacement != null) {
        ascii.append(replacement);
      } else if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        ascii.append(lower);
      } else {
        ascii.append(' ');
      }
    }
    StringBuilder slug = new StringBuilder();
    for (String word : ascii.toString().trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      int lengthWithWord = slug.length() + (slug.length() == 0 ? 0 : 1) + word.length();
      if (lengthWithWord > MAX_SLUG_LENGTH) {
        if (slug.length() == 0) {
          slug.append(word, 0, MAX_SLUG_LENGTH);
        }
        break;
      }
      if (slug.length() > 0) {
        slug.append('_');
      }
      slug.append(word);
    }
    return slug.toString();
  }
}
