package dev.autogenerate.entities;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitAnyDiscriminatorColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitAnyKeyColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitBasicColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitCollectionTableNameSource;
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
 */
final class ImplicitNameRecorder implements ImplicitNamingStrategy {

  private final ImplicitNamingStrategy delegate;
  private final Set<String> inventedForeignKeyNames = new HashSet<>();
  private final Set<String> inventedIndexNames = new HashSet<>();

  ImplicitNameRecorder(ImplicitNamingStrategy delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
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
    Identifier name = delegate.determineForeignKeyName(source);
    if (source.getUserProvidedIdentifier() == null && name != null) {
      inventedForeignKeyNames.add(key(name.getText()));
    }
    return name;
  }

  @Override
  public Identifier determineIndexName(ImplicitIndexNameSource source) {
    Identifier name = delegate.determineIndexName(source);
    if (isBlank(source.getUserProvidedIdentifier()) && name != null) {
      inventedIndexNames.add(key(name.getText()));
    }
    return name;
  }

  @Override
  public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
    // UniqueKey.isNameExplicit() tells these apart; nothing to record.
    return delegate.determineUniqueKeyName(source);
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
