package dev.autogenerate.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the entity source that maps a table or a column, so that {@code check --format github}
 * can annotate the line a reviewer would change. The tool reads compiled classes, which do not say
 * where they came from; this is a plain text search over the {@code *.java} files under the
 * project's source roots, good for the usual one top-level entity per file, and silent (no
 * location) where it cannot tell.
 *
 * <p>The source roots are {@code src/main/java} under the working directory and under each of its
 * direct subdirectories (a module of a multi-module build). A table is mapped by the
 * {@code @Entity} class whose {@code @Table(name)} names it, or, without one, whose entity or
 * class name does (as is, or in snake_case). A column is mapped by the field whose
 * {@code @Column(name)} or {@code @JoinColumn(name)} names it, or whose name does (as is, or in
 * snake_case). Names compare ignoring case and a schema prefix.
 */
public final class EntitySourceLocator {

  private static final Pattern ENTITY = Pattern.compile("@(?:jakarta\\.persistence\\.|javax\\.persistence\\.)?Entity\\b");
  private static final Pattern ENTITY_NAME = Pattern.compile("@(?:[\\w.]+\\.)?Entity\\s*\\([^)]*name\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern TABLE_START = Pattern.compile("@(?:[\\w.]+\\.)?Table\\s*\\(");
  private static final Pattern TABLE_NAME = Pattern.compile("@(?:[\\w.]+\\.)?Table\\s*\\([^)]*?\\bname\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern CLASS = Pattern.compile("\\b(?:class|record)\\s+(\\w+)");
  /** A leading annotation, with arguments that hold no parentheses of their own. */
  private static final Pattern ANNOTATION = Pattern.compile("^\\s*@([\\w.]+)\\s*(\\([^()]*\\))?");
  private static final Pattern COLUMN_NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern FIELD = Pattern.compile(
      "^\\s*(?:(?:private|protected|public|final|transient|volatile)\\s+)*[\\w.]+(?:<[^;()=]*>)?(?:\\[\\])*\\s+(\\w+)\\s*(?:=[^;]*)?;.*");

  private final Path workingDirectory;
  private final List<Path> roots;
  private List<EntitySource> entities;

  EntitySourceLocator(Path workingDirectory, List<Path> roots) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.roots = List.copyOf(roots);
  }

  /** A locator over the source roots of the project in {@code workingDirectory}. */
  public static EntitySourceLocator under(Path workingDirectory) {
    List<Path> roots = new ArrayList<>();
    roots.add(workingDirectory.resolve("src/main/java"));
    if (Files.isDirectory(workingDirectory)) {
      try (Stream<Path> children = Files.list(workingDirectory)) {
        children.filter(Files::isDirectory).sorted().map(child -> child.resolve("src/main/java")).forEach(roots::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new EntitySourceLocator(workingDirectory, roots.stream().filter(Files::isDirectory).toList());
  }

  /**
   * Where {@code column} of {@code table} is declared; the entity class's declaration when the
   * column is not found (a dropped column has no field), or when {@code column} is null.
   */
  public Optional<SourceLocation> locate(String table, String column) {
    Optional<EntitySource> entity = entities().stream().filter(source -> source.maps(table)).findFirst();
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    int line = entity.get().classLine();
    if (column != null) {
      line = entity.get().fields().stream().filter(field -> field.maps(column)).findFirst()
          .map(EntityField::line).orElse(line);
    }
    String file = workingDirectory.relativize(entity.get().file().toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
    return Optional.of(new SourceLocation(file, line));
  }

  private List<EntitySource> entities() {
    if (entities == null) {
      List<EntitySource> found = new ArrayList<>();
      for (Path root : roots) {
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(file -> file.toString().endsWith(".java")).sorted()
              .forEach(file -> read(file).ifPresent(found::add));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      entities = found;
    }
    return entities;
  }

  /** The entity in {@code file}, if it holds one. */
  static Optional<EntitySource> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return Optional.empty(); // an unreadable file only costs the annotation its location
    }
    return parse(file, text);
  }

  static Optional<EntitySource> parse(Path file, String text) {
    Matcher entity = ENTITY.matcher(text);
    if (!entity.find()) {
      return Optional.empty();
    }
    Matcher declaration = CLASS.matcher(text);
    if (!declaration.find(entity.end())) {
      return Optional.empty();
    }
    String tableName = find(TABLE_NAME, withoutNestedArguments(text, TABLE_START));
    String entityName = find(ENTITY_NAME, text);
    int classLine = lineOf(text, declaration.start());
    List<EntityField> fields = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    String pendingColumn = null;
    int depth = 0; // braces open since the class declaration: fields are at 1, locals deeper
    for (int i = classLine - 1; i < lines.length; i++) {
      String rest = lines[i];
      int depthBefore = depth;
      depth += count(lines[i], '{') - count(lines[i], '}');
      if (depthBefore != 1) {
        continue;
      }
      Matcher annotation = ANNOTATION.matcher(rest);
      while (annotation.find()) {
        String name = annotation.group(1);
        if ((name.endsWith("Column") || name.endsWith("JoinColumn")) && annotation.group(2) != null) {
          String columnName = find(COLUMN_NAME, annotation.group(2));
          pendingColumn = columnName == null ? pendingColumn : columnName;
        }
        rest = rest.substring(annotation.end());
        annotation = ANNOTATION.matcher(rest);
      }
      Matcher field = FIELD.matcher(rest);
      if (field.matches() && !rest.contains(" static ") && !rest.trim().startsWith("static ")
          && !rest.trim().startsWith("return ")) {
        fields.add(new EntityField(field.group(1), pendingColumn, i + 1));
        pendingColumn = null;
      } else if (!rest.isBlank() && !rest.trim().startsWith("//")) {
        pendingColumn = null;
      }
    }
    String className = declaration.group(1);
    return Optional.of(new EntitySource(file, className, tableName, entityName, classLine, fields));
  }

  private static int count(String line, char brace) {
    return (int) line.chars().filter(c -> c == brace).count();
  }

  /**
   * The text with the arguments of annotations nested in the first annotation {@code start} finds
   * blanked out ({@code @Table(indexes = @Index(name = "ix"), name = "orders")} keeps only its own
   * {@code name}), so its own attributes are found, not those of an {@code @Index} inside it.
   */
  private static String withoutNestedArguments(String text, Pattern start) {
    Matcher matcher = start.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    int depth = 1;
    boolean inString = false;
    for (int i = matcher.end(); i < text.length() && depth > 0; i++) {
      char c = text.charAt(i);
      boolean nested = depth > 1;
      if (c == '"' && text.charAt(i - 1) != '\\') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
        nested = depth > 1;
      } else if (!inString && c == ')') {
        depth--;
      }
      if (nested) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** {@code orderLine} and {@code OrderLine} as {@code order_line}, Hibernate's usual spelling. */
  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** A name as the database compares it here: unquoted, no schema, lower case. */
  static String normalized(String name) {
    String bare = name.replace("\"", "").replace("`", "");
    return bare.substring(bare.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  /** An entity class as its source declares it. */
  record EntitySource(Path file, String className, String tableName, String entityName, int classLine,
      List<EntityField> fields) {

    boolean maps(String table) {
      String wanted = normalized(table);
      if (tableName != null) {
        return normalized(tableName).equals(wanted);
      }
      String name = entityName != null ? entityName : className;
      return name.toLowerCase(Locale.ROOT).equals(wanted) || snakeCase(name).equals(wanted);
    }
  }

  /** A field of an entity, with the column name its annotation gives, if any. */
  record EntityField(String name, String columnName, int line) {

    boolean maps(String column) {
      String wanted = normalized(column);
      if (columnName != null) {
        return normalized(columnName).equals(wanted);
      }
      return name.toLowerCase(Locale.ROOT).equals(wanted) || snakeCase(name).equals(wanted);
    }
  }
}
