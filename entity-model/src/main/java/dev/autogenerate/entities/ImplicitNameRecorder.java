package dev.autogenerate.entities;

import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitAnyDiscriminatorColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitAnyKeyColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitBasicColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitCollectionTableNameSource;
import org.hibernate.boot.model.naming.ImplicitConstraintNameSource;
import org.hibernate.boot.model.naming.ImplicitDiscriminatorColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitEntityNameSource;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIdentifierColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitJoinColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitMapKeyColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitPrimaryKeyJoinColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitTenantIdColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

/**
 * The application's implicit naming strategy, unchanged, noting which constraint and index names
 * it invented.
 *
 * <p>Hibernate gives every foreign key, unique key and index a name; when the mapping names none,
 * the implicit naming strategy makes one up ({@code FK...}, {@code UK...}, {@code IDX...} hashes
 * with Hibernate's own strategies). Hibernate 7.4 remembers the difference only for unique keys
 * ({@code UniqueKey.isNameExplicit()}); for foreign keys and indexes the only place it is known is
 * the strategy call itself, where {@code getUserProvidedIdentifier()} is null for an invented
 * name. This wrapper records those names, so the reader can leave them out of the model and let a
 * naming convention name the constraint instead.
 *
 * <p>Since those names never reach the model (for unique keys, which the recorder does not note,
 * {@code isNameExplicit()} keeps them out), what matters of them is only which constraints share
 * one: Hibernate keys a table's unique keys and indexes by name, so equal names merge. Hibernate's
 * own strategy hashes each name from the table, the referenced table and the sorted columns with
 * an MD5 in Java and a base-35 {@code BigInteger} (6% of reading 200 entities, on the one thread
 * that binds them). When the application's strategy names constraints as that one does (it or a
 * subclass overriding none of the methods involved), the recorder makes the names itself from the
 * same parts without hashing them: equal exactly when Hibernate's would be. Except where the
 * name does reach the model, or Hibernate's parts lose what tells them apart: an index on an
 * expression keeps its name (it is part of the statement Hibernate's DDL creates it with), and
 * Hibernate hashes the parts' bytes in the schema charset, which may turn characters beyond ASCII
 * (and, in a few charsets, ASCII letters too) into the same byte; those are left to the strategy.
 */
final class ImplicitNameRecorder implements ImplicitNamingStrategy {

  /** The methods through which Hibernate's strategy names constraints, or a subclass could change it. */
  private static final Set<String> CONSTRAINT_NAMING = Set.of("determineForeignKeyName", "determineUniqueKeyName",
      "determineIndexName", "generateConstraintName", "generateConstraintNameString", "constraintNamePrefix",
      "namingHelper", "toIdentifier");

  /** The order Hibernate sorts a constraint's columns in before it hashes them. */
  private static final Comparator<Identifier> BY_CANONICAL_NAME = Comparator.comparing(Identifier::getCanonicalName);

  private final ImplicitNamingStrategy delegate;
  private final boolean namesConstraintsItself;
  /** Whether each schema charset asked about keeps ASCII texts apart (null: the JVM's default). */
  private final Map<String, Boolean> charsetsKeepingAsciiApart = new HashMap<>();
  private final Set<String> inventedForeignKeyNames = new HashSet<>();
  private final Set<String> inventedIndexNames = new HashSet<>();

  ImplicitNameRecorder(ImplicitNamingStrategy delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.namesConstraintsItself = namesConstraintsAsHibernateDoes(delegate);
  }

  /** Whether the strategy invented this foreign key name (as Hibernate holds it, quoted or not). */
  boolean isInventedForeignKeyName(String name) {
    return name != null && inventedForeignKeyNames.contains(key(name));
  }

  /** Whether the strategy invented this index name (as Hibernate holds it, quoted or not). */
  boolean isInventedIndexName(String name) {
    return name != null && inventedIndexNames.contains(key(name));
  }

  @Override
  public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
    Identifier name = takesOver(source) ? invented(source) : delegate.determineForeignKeyName(source);
    if (source.getUserProvidedIdentifier() == null && name != null) {
      inventedForeignKeyNames.add(key(name.getText()));
    }
    return name;
  }

  @Override
  public Identifier determineIndexName(ImplicitIndexNameSource source) {
    Identifier name = takesOver(source) ? invented(source) : delegate.determineIndexName(source);
    if (isBlank(source.getUserProvidedIdentifier()) && name != null) {
      inventedIndexNames.add(key(name.getText()));
    }
    return name;
  }

  @Override
  public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
    // UniqueKey.isNameExplicit() tells these apart; nothing to record.
    return takesOver(source) ? invented(source) : delegate.determineUniqueKeyName(source);
  }

  @Override
  public Identifier determinePrimaryTableName(ImplicitEntityNameSource source) {
    return delegate.determinePrimaryTableName(source);
  }

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    return delegate.determineJoinTableName(source);
  }

  @Override
  public Identifier determineCollectionTableName(ImplicitCollectionTableNameSource source) {
    return delegate.determineCollectionTableName(source);
  }

  @Override
  public Identifier determineDiscriminatorColumnName(ImplicitDiscriminatorColumnNameSource source) {
    return delegate.determineDiscriminatorColumnName(source);
  }

  @Override
  public Identifier determineTenantIdColumnName(ImplicitTenantIdColumnNameSource source) {
    return delegate.determineTenantIdColumnName(source);
  }

  @Override
  public Identifier determineIdentifierColumnName(ImplicitIdentifierColumnNameSource source) {
    return delegate.determineIdentifierColumnName(source);
  }

  @Override
  public Identifier determineBasicColumnName(ImplicitBasicColumnNameSource source) {
    return delegate.determineBasicColumnName(source);
  }

  @Override
  public Identifier determineJoinColumnName(ImplicitJoinColumnNameSource source) {
    return delegate.determineJoinColumnName(source);
  }

  @Override
  public Identifier determinePrimaryKeyJoinColumnName(ImplicitPrimaryKeyJoinColumnNameSource source) {
    return delegate.determinePrimaryKeyJoinColumnName(source);
  }

  @Override
  public Identifier determineAnyDiscriminatorColumnName(ImplicitAnyDiscriminatorColumnNameSource source) {
    return delegate.determineAnyDiscriminatorColumnName(source);
  }

  @Override
  public Identifier determineAnyKeyColumnName(ImplicitAnyKeyColumnNameSource source) {
    return delegate.determineAnyKeyColumnName(source);
  }

  @Override
  public Identifier determineMapKeyColumnName(ImplicitMapKeyColumnNameSource source) {
    return delegate.determineMapKeyColumnName(source);
  }

  @Override
  public Identifier determineListIndexColumnName(ImplicitIndexColumnNameSource source) {
    return delegate.determineListIndexColumnName(source);
  }

  /**
   * Whether the recorder names this constraint itself (see the class comment): the strategy names
   * constraints as Hibernate's does, the mapping named none, every part is printable ASCII, which
   * the schema charset keeps apart, and no column is an expression (Hibernate's mark of one: text
   * starting with a parenthesis).
   */
  private boolean takesOver(ImplicitConstraintNameSource source) {
    String charset = source.getBuildingContext().getBuildingOptions().getSchemaCharset();
    if (!namesConstraintsItself || source.getUserProvidedIdentifier() != null || !ascii(source.getTableName())
        || !charsetsKeepingAsciiApart.computeIfAbsent(charset, ImplicitNameRecorder::keepsAsciiApart)) {
      return false;
    }
    if (source instanceof ImplicitForeignKeyNameSource foreignKey && !ascii(foreignKey.getReferencedTableName())) {
      return false;
    }
    List<Identifier> columns = source.getColumnNames();
    if (columns != null) {
      for (Identifier column : columns) {
        if (!ascii(column) || column.getText().startsWith("(")) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the identifier is printable ASCII only (or absent). */
  private static boolean ascii(Identifier identifier) {
    if (identifier == null) {
      return true;
    }
    String text = identifier.getText();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20 || text.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether Hibernate's hash input, in this schema charset (null: the JVM's default, as Hibernate
   * takes it), tells printable ASCII texts apart as their characters do: each such character
   * encoded on its own into bytes of one length that no other gets. Not so for the charsets that
   * turn letters into one replacement byte (x-IBM300, x-MacSymbol, ...), under which Hibernate
   * merges constraints whose names then hash alike; nor for a name that is no charset, which
   * Hibernate's hashing reports as an error.
   */
  static boolean keepsAsciiApart(String charsetName) {
    Charset charset;
    try {
      charset = charsetName == null ? Charset.defaultCharset() : Charset.forName(charsetName);
    } catch (IllegalArgumentException e) {
      return false;
    }
    Set<String> encodings = new HashSet<>();
    int length = -1;
    for (char c = 0x20; c <= 0x7e; c++) {
      byte[] bytes = String.valueOf(c).getBytes(charset);
      if (length >= 0 && bytes.length != length || !encodings.add(Arrays.toString(bytes))) {
        return false;
      }
      length = bytes.length;
    }
    return true;
  }

  /**
   * Whether the strategy is Hibernate's JPA-compliant one, or a subclass of it (Spring Boot's, the
   * legacy ones) that declares none of the methods constraint names go through.
   */
  static boolean namesConstraintsAsHibernateDoes(ImplicitNamingStrategy strategy) {
    if (!(strategy instanceof ImplicitNamingStrategyJpaCompliantImpl)) {
      return false;
    }
    for (Class<?> type = strategy.getClass(); type != ImplicitNamingStrategyJpaCompliantImpl.class;
        type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (CONSTRAINT_NAMING.contains(method.getName())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A name for a constraint or index the mapping left unnamed, from what Hibernate's strategy
   * hashes: the kind the source tells (an index declared unique is named as an index, though it
   * becomes a unique key), the table, for a foreign key the referenced table, and the columns
   * sorted by their canonical names; each part written as it prints (quotes included), as its
   * length, a colon and its text, so that no two lists of parts give the same name.
   */
  private static Identifier invented(ImplicitConstraintNameSource source) {
    StringBuilder name = new StringBuilder(source.kind().name());
    part(name, source.getTableName());
    if (source instanceof ImplicitForeignKeyNameSource foreignKey) {
      part(name, foreignKey.getReferencedTableName());
    }
    List<Identifier> columns = source.getColumnNames();
    Identifier[] sorted = columns == null ? new Identifier[0] : columns.toArray(new Identifier[0]);
    Arrays.sort(sorted, BY_CANONICAL_NAME);
    for (Identifier column : sorted) {
      part(name, column);
    }
    return Identifier.toIdentifier(name.toString());
  }

  private static void part(StringBuilder name, Identifier identifier) {
    String text = String.valueOf(identifier);
    name.append('_').append(text.length()).append(':').append(text);
  }

  private static boolean isBlank(Identifier identifier) {
    return identifier == null || identifier.getText() == null || identifier.getText().isEmpty();
  }

  /** Names compare without quotes and case: an invented hash never differs from another by case alone. */
  private static String key(String name) {
    String bare = name;
    if (bare.length() >= 2 && (bare.startsWith("\"") && bare.endsWith("\"") || bare.startsWith("`") && bare.endsWith("`"))) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return bare.toLowerCase(Locale.ROOT);
  }
}
