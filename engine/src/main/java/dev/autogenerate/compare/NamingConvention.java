package dev.autogenerate.compare;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the constraints and indexes the mapping left unnamed, from templates in Alembic's style,
 * so that generated migrations show stable, readable names instead of Hibernate's hashes:
 * {@code fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s}.
 *
 * <p>Tokens: {@code table_name}, {@code column_0_name} (the first column), {@code column_0_N_name}
 * (all columns joined by underscores), {@code referred_table_name}. Names longer than PostgreSQL's
 * 63 bytes are shortened with a hash of the full name, so they stay unique and stable.
 */
public record NamingConvention(String primaryKey, String unique, String index, String foreignKey, String check) {

  /** PostgreSQL truncates identifiers beyond this many bytes. */
  private static final int MAX_IDENTIFIER_LENGTH = 63;

  private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)s");

  /** An identifier in a check's expression, quoted or not. */
  private static final Pattern WORD = Pattern.compile("(\"?)([A-Za-z_][A-Za-z0-9_]*)\\1");

  private static final Set<String> TOKENS = Set.of("table_name", "column_0_name", "column_0_N_name", "referred_table_name");

  public NamingConvention {
    for (String template : List.of(primaryKey, unique, index, foreignKey, check)) {
      Matcher tokens = TOKEN.matcher(template);
      while (tokens.find()) {
        if (!TOKENS.contains(tokens.group(1))) {
          throw new IllegalArgumentException("unknown naming-convention token %(" + tokens.group(1) + ")s in "
              + template + ": use table_name, column_0_name, column_0_N_name or referred_table_name");
        }
      }
    }
  }

  /** The defaults: PostgreSQL's own name for primary keys, Alembic's recommended ones for the rest. */
  public static NamingConvention defaults() {
    return new NamingConvention(
        "%(table_name)s_pkey",
        "uq_%(table_name)s_%(column_0_N_name)s",
        "ix_%(table_name)s_%(column_0_N_name)s",
        "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "ck_%(table_name)s_%(column_0_name)s");
  }

  /** The defaults, with the templates given by key ({@code pk}, {@code uq}, {@code ix}, {@code fk}, {@code ck}). */
  public static NamingConvention of(Map<String, String> templates) {
    NamingConvention defaults = defaults();
    return new NamingConvention(
        templates.getOrDefault("pk", defaults.primaryKey),
        templates.getOrDefault("uq", defaults.unique),
        templates.getOrDefault("ix", defaults.index),
        templates.getOrDefault("fk", defaults.foreignKey),
        templates.getOrDefault("ck", defaults.check));
  }

  /** The schema with every unnamed primary key, unique, foreign key, check and index named. */
  public Schema apply(Schema schema) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables().values()) {
      tables.add(apply(table));
    }
    return Schema.of(tables, schema.sequences().values(), schema.enumTypes().values())
        .withViewsAndTriggers(schema.views().values(), schema.triggers().values());
  }

  private Table apply(Table table) {
    Set<String> taken = new HashSet<>();
    table.constraints().forEach(constraint -> {
      if (constraint.name() != null) {
        taken.add(constraint.name());
      }
    });
    table.indexes().forEach(each -> {
      if (each.name() != null) {
        taken.add(each.name());
      }
    });
    List<UniqueConstraint> uniques = new ArrayList<>();
    for (UniqueConstraint unique : table.uniqueConstraints()) {
      uniques.add(unique.name() != null ? unique
          : new UniqueConstraint(unused(name(this.unique, table.name(), unique.columns(), null), taken), unique.columns()));
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      foreignKeys.add(key.name() != null ? key : new ForeignKey(
          unused(name(foreignKey, table.name(), key.columns(), key.referencedTable()), taken),
          key.columns(), key.referencedTable(), key.referencedColumns(), key.onDelete(), key.onUpdate()));
    }
    List<CheckConstraint> checks = new ArrayList<>();
    for (CheckConstraint constraint : table.checks()) {
      checks.add(constraint.name() != null ? constraint : new CheckConstraint(
          unused(name(check, table.name(), List.of(firstColumnIn(constraint.expression(), table)), null), taken),
          constraint.expression()));
    }
    List<Index> indexes = new ArrayList<>();
    for (Index each : table.indexes()) {
      indexes.add(each.name() != null ? each
          : each.named(unused(name(index, table.name(), each.columnNames(), null), taken)));
    }
    Optional<PrimaryKey> key = table.primaryKey().map(pk -> pk.name() != null ? pk
        : pk.named(unused(name(primaryKey, table.name(), pk.columns(), null), taken)));
    return new Table(table.name(), table.columns(), key, uniques, foreignKeys, checks, indexes, table.comment());
  }

  /**
   * The template with its tokens filled in. Scanned by hand rather than with {@link #TOKEN}'s
   * matcher, which the constructor uses to check the templates: every unnamed constraint of every
   * table is named here, and the matcher was a tenth of the diff's time at 1,000 tables. A
   * {@code %(...)s} whose inside is not a word stays as written, as it would with the pattern.
   */
  private static String name(String template, String table, List<String> columns, String referredTable) {
    StringBuilder name = new StringBuilder(template.length() + 32);
    int copied = 0;
    int from = 0;
    while (true) {
      int start = template.indexOf("%(", from);
      if (start < 0) {
        break;
      }
      int end = start + 2;
      while (end < template.length() && isWordCharacter(template.charAt(end))) {
        end++;
      }
      if (end == start + 2 || !template.startsWith(")s", end)) {
        from = start + 1;
        continue;
      }
      String token = template.substring(start + 2, end);
      String value = switch (token) {
        case "table_name" -> table;
        case "column_0_name" -> columns.isEmpty() ? "" : columns.get(0);
        case "column_0_N_name" -> String.join("_", columns);
        case "referred_table_name" -> referredTable == null ? "" : referredTable;
        default -> throw new IllegalStateException("unchecked token " + token);
      };
      name.append(template, copied, start).append(value);
      copied = end + 2;
      from = copied;
    }
    name.append(template, copied, template.length());
    return shortened(name.toString().replace('.', '_'));
  }

  /** What {@code \w} matches (without Unicode classes): the characters of a token's name. */
  private static boolean isWordCharacter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static String unused(String name, Set<String> taken) {
    String candidate = name;
    for (int suffix = 2; taken.contains(candidate); suffix++) {
      candidate = name + "_" + suffix;
    }
    taken.add(candidate);
    return candidate;
  }

  private static String shortened(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_LENGTH) {
      return name;
    }
    String hash = sha1(name).substring(0, 8);
    return prefixOfAtMost(name, MAX_IDENTIFIER_LENGTH - hash.length() - 1) + "_" + hash;
  }

  /**
   * The longest start of {@code name} that takes at most {@code bytes} bytes in UTF-8, cut between
   * characters. PostgreSQL limits identifiers by bytes, not characters: a name cut by characters
   * may still be too long, and PostgreSQL would then cut off the hash that keeps it unique.
   */
  private static String prefixOfAtMost(String name, int bytes) {
    int used = 0;
    int end = 0;
    while (end < name.length()) {
      int codePoint = name.codePointAt(end);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (used + size > bytes) {
        break;
      }
      used += size;
      end += Character.charCount(codePoint);
    }
    return name.substring(0, end);
  }

  private static String firstColumnIn(String expression, Table table) {
    // Unquoted identifiers fold to lower case: Hibernate writes DTYPE for the column dtype.
    Matcher words = WORD.matcher(expression);
    while (words.find()) {
      String word = words.group(1).isEmpty() ? words.group(2).toLowerCase(Locale.ROOT) : words.group(2);
      if (table.hasColumn(word)) {
        return word;
      }
    }
    return "check";
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
