package dev.autogenerate.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationNamesTest {

  private static final Instant CREATED = Instant.parse("2026-11-22T15:30:00Z");
  private static final Pattern SLUG = Pattern.compile("|[a-z0-9]+(_[a-z0-9]+)*");

  @Test
  void timestampThenSlug() {
    assertEquals("M20261122_153000_add_age_column", MigrationNames.className(CREATED, "add age column"));
  }

  @Test
  void timeIsTakenInUtc() {
    Instant created = OffsetDateTime.parse("2026-11-22T23:30:00-05:00").toInstant();

    assertEquals("M20261123_043000_x", MigrationNames.className(created, "x"));
  }

  @Test
  void fractionsOfASecondAreDropped() {
    assertEquals("M20260102_030405", MigrationNames.className(Instant.parse("2026-01-02T03:04:05.999Z"), ""));
  }

  @Test
  void emptyOrMeaninglessMessagesGiveNoSuffix() {
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, ""));
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, null));
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, "   "));
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, "!!! --- ???"));
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, "добавить возраст"));
    assertEquals("M20261122_153000", MigrationNames.className(CREATED, "年齢を追加"));
  }

  @Test
  void punctuationSeparatesWordsWithSingleUnderscores() {
    assertEquals("add_users_age_nullable", MigrationNames.slug("Add users.age (nullable)!"));
    assertEquals("a_b_c", MigrationNames.slug("  a -- b__c  "));
    assertEquals("rename_email_email_address", MigrationNames.slug("rename email -> email_address"));
    assertEquals("tab_and_newline", MigrationNames.slug("tab\tand\nnewline"));
  }

  @Test
  void apostrophesJoinTheirWord() {
    assertEquals("users_emails_dont_repeat", MigrationNames.slug("user’s emails don't repeat"));
    assertEquals("users_email", MigrationNames.slug("user's email"));
  }

  @Test
  void accentsAreDroppedAndLigaturesSpelledOut() {
    assertEquals("ajouter_l_age", MigrationNames.slug("Ajouter l âge"));
    assertEquals("ubersicht_strasse", MigrationNames.slug("Übersicht Straße"));
    assertEquals("creme_brulee_aeon_oresund", MigrationNames.slug("Crème brûlée, Æon, Øresund"));
    assertEquals("zolc", MigrationNames.slug("żółć"));
    assertEquals("fullwidth", MigrationNames.slug("ｆｕｌｌｗｉｄｔｈ"));
  }

  @Test
  void mixedScriptsKeepTheAsciiWords() {
    assertEquals("add_column", MigrationNames.slug("add 年齢 column"));
    assertEquals("emoji_fix", MigrationNames.slug("emoji 🚀 fix"));
  }

  @Test
  void leadingDigitsAreFineBehindTheTimestamp() {
    String name = MigrationNames.className(CREATED, "2fa secrets");

    assertEquals("M20261122_153000_2fa_secrets", name);
    assertTrue(SourceVersion.isIdentifier(name));
  }

  @Test
  void longMessagesAreCutOnAWordBoundary() {
    String message = "add the loyalty program tables and backfill every customer with a starting balance";

    String slug = MigrationNames.slug(message);

    assertEquals("add_the_loyalty_program_tables_and_backfill_every", slug);
    assertTrue(slug.length() <= MigrationNames.MAX_SLUG_LENGTH);
    assertTrue(message.replace(' ', '_').startsWith(slug + "_"));
  }

  @Test
  void aSingleOverlongWordIsCutInside() {
    String slug = MigrationNames.slug("x".repeat(80) + " tail");

    assertEquals("x".repeat(MigrationNames.MAX_SLUG_LENGTH), slug);
  }

  @Test
  void exactlyMaxLengthIsKept() {
    String fifty = "a".repeat(24) + " " + "b".repeat(25);

    assertEquals("a".repeat(24) + "_" + "b".repeat(25), MigrationNames.slug(fifty));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "class", "enum", "_", "__", "123", "-", "$dollar$", "M20261122", "a\u0000b", "\uD83D\uDE80",
      "İstanbul ıi", "ǅ Dž", "ⅫⅩ roman", "x\u200Dy", "null", "true", "a'b'c", "😀😀😀 end",
      "very long message that keeps going and going and going and going and going and going"})
  void alwaysAValidIdentifier(String message) {
    String name = MigrationNames.className(CREATED, message);

    assertTrue(SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name), name);
    assertTrue(name.startsWith("M20261122_153000"), name);
    String slug = name.substring("M20261122_153000".length()).replaceFirst("^_", "");
    assertTrue(SLUG.matcher(slug).matches(), slug);
    assertTrue(slug.length() <= MigrationNames.MAX_SLUG_LENGTH, slug);
    assertFalse(name.endsWith("_"), name);
  }

  @Test
  void yearsThatDoNotFitAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> MigrationNames.className(Instant.parse("+10000-01-01T00:00:00Z"), "x"));
  }
}
