package dev.autogenerate.entities;

import dev.autogenerate.annotations.RenamedFrom;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.UnquotedNames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.TableRename;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * Finds the {@link RenamedFrom} annotations of the entities in Hibernate's boot metadata: on each
 * entity class (its table's old name) and on each field or getter of its properties, embeddables'
 * included (the old name of the one column the property maps).
 *
 * <p>The annotation is matched by name, not by class: an application's class path may bring its
 * own copy of the class, loaded by another class loader than the tool's.
 */
final class RenamesReader {

  private final Metadata metadata;
  private final Function<Table, String> tableNames;
  private final List<TableRename> tables = new ArrayList<>();
  private final List<ColumnRename> columns = new ArrayList<>();

  /** @param tableNames a Hibernate table's name as the schema names it ({@code sales.orders}) */
  RenamesReader(Metadata metadata, Function<Table, String> tableNames) {
    this.metadata = metadata;
    this.tableNames = tableNames;
  }

  Renames read() {
    for (PersistentClass entity : metadata.getEntityBindings()) {
      Class<?> type = entity.getMappedClass();
      if (type == null) {
        continue; // a dynamic-map entity has no class to annotate
      }
      renamedFrom(type).ifPresent(names -> tableRenamed(entity, type, names));
      Set<Property> properties = new LinkedHashSet<>();
      if (entity.getIdentifierProperty() != null && entity.getSuperclass() == null) {
        properties.add(entity.getIdentifierProperty());
      }
      properties.addAll(entity.getProperties());
      for (Property property : properties) {
        property(type, property, false);
      }
    }
    return new Renames(tables, columns);
  }

  private void tableRenamed(PersistentClass entity, Class<?> type, String[] names) {
    String stated = stated(names, type.getName());
    PersistentClass parent = entity.getSuperclass();
    if (parent != null && parent.getTable() == entity.getTable()) {
      String parentName = parent.getMappedClass() != null
          ? parent.getMappedClass().getSimpleName() : parent.getEntityName();
      throw new RenameMappingException(stated + ": the entity shares table " + tableNames.apply(entity.getTable())
          + " with " + parentName + " (single-table inheritance); put @RenamedFrom on " + parentName);
    }
    String table = tableNames.apply(entity.getTable());
    String schema = Schema.schemaOf(table);
    List<String> from = new ArrayList<>();
    for (String name : names) {
      String old = name.contains(".") ? qualifiedName(name) : (schema == null ? "" : schema + ".") + databaseName(name);
      if (!Objects.equals(Schema.schemaOf(old), schema)) {
        throw new RenameMappingException(stated + ": " + old + " is in another schema than " + table
            + ", and a rename does not move a table between schemas; name the old table without a schema");
      }
      from.add(old);
    }
    tables.add(new TableRename(table, from, stated));
  }

  /**
   * A property of {@code owner}, a class that declares it or inherits it.
   *
   * @param part whether it is a field of an embeddable, as one usage of the embeddable maps it
   */
  private void property(Class<?> owner, Property property, boolean part) {
    Value value = property.getValue();
    embeddableParts(value);
    if (value instanceof Collection collection) {
      // An @ElementCollection of an embeddable (or a map keyed by one) keeps the embeddable's
      // columns in the collection's own table: the fields' renames hold there as well.
      embeddableParts(collection.getElement());
      if (collection instanceof IndexedCollection indexed) {
        embeddableParts(indexed.getIndex());
      }
    }
    Optional<AnnotatedElement> member = member(owner, property.getName());
    Optional<String[]> names = member.flatMap(RenamesReader::renamedFrom);
    if (names.isEmpty()) {
      return;
    }
    String stated = stated(names.get(), owner.getName() + "." + property.getName());
    if (value instanceof Collection) {
      throw new RenameMappingException(stated + ": a collection maps no column of its entity's table;"
          + " rename its table or columns with a migration written by hand");
    }
    List<org.hibernate.mapping.Column> mapped = value.getColumns();
    if (mapped.size() != 1) {
      throw new RenameMappingException(stated + ": the field maps " + mapped.size() + " columns, and @RenamedFrom"
          + " names one; put it on the fields of the embeddable, or rename by hand");
    }
    if (part && overridden(member.get(), mapped.get(0), property.getName())) {
      // This usage names the column itself (@AttributeOverride): the field's old name was never
      // its column's, which had the override's old name; the usages without one are renamed.
      return;
    }
    List<String> from = new ArrayList<>();
    for (String name : names.get()) {
      from.add(databaseName(name));
    }
    columns.add(new ColumnRename(tableNames.apply(value.getTable()), MetadataSchemaReader.columnName(mapped.get(0)),
        from, stated));
  }

  /** The properties of an embeddable, when the value is one; each maps columns of the value's table. */
  private void embeddableParts(Value value) {
    if (value instanceof Component component && component.getComponentClass() != null) {
      for (Property part : component.getProperties()) {
        property(component.getComponentClass(), part, true);
      }
    }
  }

  /**
   * Whether a usage of an embeddable gives its field's column a name of its own: an explicit name
   * other than the field's own {@code @Column} gives, or than the field's name where it gives none
   * (Hibernate marks the columns of an element collection's embeddable explicit too).
   */
  private static boolean overridden(AnnotatedElement field, org.hibernate.mapping.Column column, String property) {
    if (!column.isExplicit()) {
      return false;
    }
    Optional<String> own = attribute(field, "jakarta.persistence.Column", "name").map(String::valueOf)
        .filter(name -> !name.isBlank());
    return !loose(own.orElse(property)).equals(loose(column.getName()));
  }

  /** A name without case, quotes or underscores, as naming strategies may spell it either way. */
  private static String loose(String name) {
    return name.replace("`", "").replace("\"", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The field, or else the getter, that holds a property, searched up the class hierarchy. */
  private static Optional<AnnotatedElement> member(Class<?> owner, String property) {
    String capitalized = property.isEmpty() ? property
        : Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(property) && renamedFrom(field).isPresent()) {
          return Optional.of(field);
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        boolean getter = method.getParameterCount() == 0
            && (method.getName().equals("get" + capitalized) || method.getName().equals("is" + capitalized));
        if (getter && renamedFrom(method).isPresent()) {
          return Optional.of(method);
        }
      }
    }
    return Optional.empty();
  }

  /** The annotation's names, found by the annotation's class name (see the class comment). */
  private static Optional<String[]> renamedFrom(AnnotatedElement element) {
    return attribute(element, RenamedFrom.class.getName(), "value").map(value -> {
      if (value instanceof String[] names) {
        return names;
      }
      throw new RenameMappingException("cannot read @RenamedFrom on " + element + ": its value is no list of names");
    });
  }

  /**
   * An attribute of the annotation of that class name on the element, read by name: an
   * application's class path may bring its own copy of the annotation's class (the class comment).
   */
  private static Optional<Object> attribute(AnnotatedElement element, String annotationName, String attribute) {
    for (Annotation annotation : element.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(annotationName)) {
        try {
          return Optional.ofNullable(annotation.annotationType().getMethod(attribute).invoke(annotation));
        } catch (ReflectiveOperationException e) {
          throw new RenameMappingException("cannot read @" + annotation.annotationType().getSimpleName() + " on "
              + element + ": " + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  private static String stated(String[] names, String where) {
    List<String> quoted = Arrays.stream(names).map(name -> "\"" + name.replace("\"", "\\\"") + "\"").toList();
    String value = quoted.size() == 1 ? quoted.get(0) : "{" + String.join(", ", quoted) + "}";
    if (names.length == 0 || Arrays.stream(names).anyMatch(name -> name == null || name.isBlank())) {
      throw new RenameMappingException("@RenamedFrom(" + value + ") on " + where + " names no old name: give it one");
    }
    return "@RenamedFrom(" + value + ") on " + where;
  }

  /** A name as the database holds it: folded to lower case unless quoted, as Hibernate reads names. */
  private static String databaseName(String name) {
    Identifier identifier = Identifier.toIdentifier(name.trim());
    return identifier.isQuoted() ? identifier.getText() : UnquotedNames.fold(identifier.getText());
  }

  private static String qualifiedName(String name) {
    int dot = name.indexOf('.');
    return databaseName(name.substring(0, dot)) + "." + databaseName(name.substring(dot + 1));
  }
}
