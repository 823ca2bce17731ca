package dev.autogenerate.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogenerate.changes.Change;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes a planned migration as a Java source file, the way a person would write it by hand:
 *
 * <pre>{@code
 * @Revision(
 *     id = "3f2a9c1b7d4e",
 *     revises = "9b1c2d3e4f5a",
 *     message = "add age column",
 *     created = "2026-11-22T15:30:00Z"
 * )
 * public final class M20261122_153000_add_age_column implements Migration {
 *   @Override
 *   public void upgrade(Operations op) {
 *     // users.age: new field User.age
 *     op.addColumn("users", column("age", INTEGER));
 *   }
 *   ...
 * }</pre>
 *
 * <p>The output depends on the {@link MigrationSource} alone: the same source gives the same bytes.
 * A migration too large for one Java method (a first migration of a few hundred tables) calls one
 * private method per table instead, laid out by {@link MethodLayout}.
 * Factories and type constants are statically imported, only those used. Operations that no
 * factory can express exactly (see {@link OperationRenderer}) are refused with an {@link
 * IllegalArgumentException} rather than written in a form that would record something else.
 */
public final class MigrationWriter {

  /** Two spaces, as JavaPoet and most Java style guides indent. */
  public static final String INDENT = "  ";

  /** The widest line the file has: JavaPoet wraps code here, and comments are wrapped to match. */
  static final int LINE_WIDTH = 100;

  /** Indentation levels of a method body in the migration class: the class's, the method's. */
  static final int METHOD_BODY_DEPTH = 2;

  private static final String COMMENT_PREFIX = "// ";

  static final String EMPTY_UPGRADE_HINT =
      "Write the schema change here: op.addColumn(...), op.alterColumn(...), op.execute(...)";
  static final String EMPTY_DOWNGRADE_HINT =
      "Undo the upgrade here: op.dropColumn(...), op.alterColumn(...), op.execute(...)";

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private final MethodLayout.Budget budget;

  /** A writer for migrations that javac compiles at any size (see {@link MethodLayout}). */
  public MigrationWriter() {
    this(MethodLayout.Budget.JAVA);
  }

  /** A writer splitting methods and classes beyond {@code budget}: tests make it small. */
  MigrationWriter(MethodLayout.Budget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** The file as JavaPoet models it. */
  public JavaFile toJavaFile(MigrationSource source) {
    Objects.requireNonNull(source, "source");
    OperationRenderer renderer = new OperationRenderer();
    List<CodeBlock> upgrade = statements(source.upgrade(), renderer);
    List<CodeBlock> downgrade = statements(source.downgrade(), renderer);
    // Every statement is rendered, so the static imports are complete: the file's wrapping is known.
    StatementProbe probe = new StatementProbe(source, renderer);
    TypeSpec.Builder type = TypeSpec.classBuilder(source.className())
        .addJavadoc("$L", javadoc(source))
        .addAnnotation(revision(source))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Migration.class);
    Set<String> importedMembers = renderer.usedStaticImports().stream()
        .map(member -> member.substring(member.lastIndexOf('.') + 1))
        .collect(Collectors.toSet());
    new MethodLayout(budget, probe, importedMembers).addTo(type, source.className(),
        new MethodLayout.Direction("upgrade", "UpgradePart", steps(source.upgrade(), upgrade, probe), EMPTY_UPGRADE_HINT),
        new MethodLayout.Direction("downgrade", "DowngradePart", steps(source.downgrade(), downgrade, probe),
            EMPTY_DOWNGRADE_HINT));
    JavaFile.Builder file = JavaFile.builder(source.packageName(), type.build())
        .indent(INDENT)
        .skipJavaLangImports(true);
    renderer.addStaticImportsTo(file);
    return file.build();
  }

  private static List<CodeBlock> statements(List<Change> changes, OperationRenderer renderer) {
    return changes.stream().map(change -> renderer.statement(change.operation())).toList();
  }

  private static List<StepCode> steps(List<Change> changes, List<CodeBlock> statements, StatementProbe probe) {
    List<String> texts = probe.texts(statements, 1);
    List<StepCode> steps = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      steps.add(StepCode.of(changes.get(i), statements.get(i), texts.get(i)));
    }
    return steps;
  }

  /** The text of the file, ending in a newline. */
  public String write(MigrationSource source) {
    return toJavaFile(source).toString();
  }

  /**
   * Writes {@code <directory>/<ClassName>.java}, in UTF-8, directly into {@code directory} (the
   * configured migrations directory, which already is the package's folder), creating the
   * directory if needed.
   *
   * @return the path of the new file
   * @throws IllegalStateException when the file exists already; a migration is never overwritten
   * @throws UncheckedIOException when the file cannot be written
   */
  public Path writeTo(Path directory, MigrationSource source) {
    Objects.requireNonNull(directory, "directory");
    String text = write(source);
    Path file = directory.resolve(source.className() + ".java");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, text, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "migration file " + file + " already exists; refusing to overwrite it", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write migration file " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** {@code created} as the annotation states it: ISO-8601 in UTC, to the second. */
  static String createdText(Instant created) {
    return DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
  }

  private static AnnotationSpec revision(MigrationSource source) {
    AnnotationSpec.Builder revision = AnnotationSpec.builder(Revision.class)
        .addMember("id", "$S", source.revisionId());
    // One parent is written as a plain string, as Java allows for a one-element array, so that
    // ordinary revisions read as they always have; a merge lists its parents in braces, on one
    // line (as one value: JavaPoet would put each of several values on a line of its own).
    if (source.revises().size() == 1) {
      revision.addMember("revises", "$S", source.revises().get(0));
    } else if (source.isMerge()) {
      CodeBlock parents = source.revises().stream().map(parent -> CodeBlock.of("$S", parent))
          .collect(CodeBlock.joining(", ", "{", "}"));
      revision.addMember("revises", "$L", parents);
    }
    if (!source.message().isEmpty()) {
      revision.addMember("message", "$L", OperationRenderer.stringLiteral(source.message()));
    }
    return revision.addMember("created", "$S", createdText(source.created())).build();
  }

  private static String javadoc(MigrationSource source) {
    StringBuilder javadoc = new StringBuilder();
    if (!source.message().isBlank()) {
      for (String line : lines(source.message().strip())) {
        javadoc.append(javadocText(line.stripTrailing())).append('\n');
      }
      javadoc.append('\n');
    }
    if (source.isMerge() && source.upgrade().isEmpty() && source.downgrade().isEmpty()) {
      javadoc.append("<p>A merge, created by autogenerate: it joins the branches ending at\n")
          .append(String.join(", ", source.revises()))
          .append(" into one history again.\nIt usually has nothing to do; write {@code upgrade} and {@code downgrade} by hand\n"
              + "if the branches need reconciling.\n");
    } else if (source.upgrade().isEmpty() && source.downgrade().isEmpty()) {
      javadoc.append("<p>An empty revision, created by autogenerate: write {@code upgrade} and\n"
          + "{@code downgrade} by hand.\n");
    } else {
      javadoc.append("<p>Generated by autogenerate; review before applying. A renamed table or column\n"
          + "shows up as a drop and an add, which loses its data, unless {@code @RenamedFrom} names\n"
          + "its old name; a changed type may need its data converted: edit such steps by hand.\n");
    }
    return javadoc.toString();
  }

  /** {@code upgrade} or {@code downgrade} running the steps, or saying what to write when there are none. */
  static MethodSpec override(String name, List<StepCode> steps, String emptyHint) {
    MethodSpec.Builder method = overrideHeader(name);
    if (steps.isEmpty()) {
      method.addComment("$L", lineCommentText(emptyHint));
    } else {
      addSteps(method, steps, METHOD_BODY_DEPTH);
    }
    return method.build();
  }

  /** {@code @Override public void NAME(Operations op)}, without a body. */
  static MethodSpec.Builder overrideHeader(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Operations.class, OperationRenderer.OPS);
  }

  /**
   * The steps as statements, each below its reason, the way a reviewer reads them.
   *
   * @param depth indentation levels of the method's body, which the reasons are wrapped for
   */
  static void addSteps(MethodSpec.Builder method, List<StepCode> steps, int depth) {
    boolean previousSpansLines = false;
    for (int i = 0; i < steps.size(); i++) {
      StepCode step = steps.get(i);
      List<String> comment = step.comment();
      boolean spansLines = step.spansLines();
      // A blank line sets apart each table's changes, and every step that needs room to be read.
      boolean newSubject = i > 0
          && !Objects.equals(steps.get(i - 1).change().operation().subject(), step.change().operation().subject());
      if (i > 0 && (previousSpansLines || spansLines || !comment.isEmpty() || newSubject)) {
        method.addCode("\n");
      }
      method.addCode(comment(wrapped(comment, depth)));
      method.addStatement("$L", step.statement());
      previousSpansLines = spansLines;
    }
  }

  /** Lines of {@code //} comments, already safe to write (see {@link #lineCommentText}). */
  static CodeBlock comment(List<String> lines) {
    CodeBlock.Builder comment = CodeBlock.builder();
    for (String line : lines) {
      comment.add("$L\n", line.isEmpty() ? "//" : "// " + line);
    }
    return comment.build();
  }

  /**
   * Comment lines wrapped at word boundaries so that, written {@code depth} levels deep after
   * {@code // }, none passes {@link #LINE_WIDTH}, as a person would wrap them. A word longer than
   * a line (an identifier, an SQL token) stays whole on a line of its own: split, it would no
   * longer be found by searching for it.
   */
  static List<String> wrapped(List<String> lines, int depth) {
    int width = LINE_WIDTH - INDENT.length() * depth - COMMENT_PREFIX.length();
    List<String> wrapped = new ArrayList<>(lines.size());
    for (String line : lines) {
      String rest = line;
      while (rest.length() > width) {
        int wordStart = rest.length() - rest.stripLeading().length();
        int space = rest.lastIndexOf(' ', width);
        if (space <= wordStart) {
          // The first word alone is longer than a line: it goes whole, past the limit.
          space = rest.indexOf(' ', wordStart);
        }
        if (space < 0) {
          break;
        }
        wrapped.add(rest.substring(0, space).stripTrailing());
        rest = rest.substring(space).stripLeading();
      }
      wrapped.add(rest);
    }
    return wrapped;
  }

  /** A change's reason as lines of {@code //} comments; none for null or blank. */
  static List<String> commentLines(String comment) {
    List<String> lines = new ArrayList<>();
    if (comment == null || comment.isBlank()) {
      return lines;
    }
    for (String line : lines(comment.strip())) {
      lines.add(lineCommentText(line.stripTrailing()));
    }
    return lines;
  }

  private static List<String> lines(String text) {
    return List.of(LINE_BREAK.split(text, -1));
  }

  /** Text safe inside a {@code //} comment line: no line breaks, no unicode escapes. */
  static String lineCommentText(String line) {
    return neutralizeUnicodeEscapes(LINE_BREAK.matcher(line).replaceAll(" "));
  }

  /**
   * Text safe inside a Javadoc comment: it cannot close the comment ({@code *}{@code /}), start a
   * block tag or an inline tag (an {@code @} first on the line or after <code>{</code>), or be read
   * as HTML ({@code <}, {@code >}, {@code &}).
   */
  static String javadocText(String line) {
    StringBuilder text = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&':
          text.append("&amp;");
          break;
        case '<':
          text.append("&lt;");
          break;
        case '>':
          text.append("&gt;");
          break;
        case '@':
          boolean startsTag = line.substring(0, i).isBlank() || line.charAt(i - 1) == '{';
          text.append(startsTag ? "&#64;" : "@");
          break;
        case '/':
          text.append(i > 0 && line.charAt(i - 1) == '*' ? "&#47;" : "/");
          break;
        default:
          text.append(c);
      }
    }
    return neutralizeUnicodeEscapes(text.toString());
  }

  /**
   * Java translates {@code \}{@code uXXXX} everywhere in a source file, comments included, before
   * it reads anything else, so a message could otherwise end a comment or break a line. A
   * backslash starts such an escape only when an even number of backslashes precede it; doubling
   * the last backslash of each run that is followed by {@code u} makes every such run even.
   */
  static String neutralizeUnicodeEscapes(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\\') {
        result.append(c);
        i++;
        continue;
      }
      int run = 0;
      while (i < text.length() && text.charAt(i) == '\\') {
        result.append('\\');
        run++;
        i++;
      }
      if (run % 2 == 1 && i < text.length() && text.charAt(i) == 'u') {
        result.append('\\');
      }
    }
    return result.toString();
  }
}
