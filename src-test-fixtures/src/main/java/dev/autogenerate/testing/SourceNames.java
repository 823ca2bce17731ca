package dev.autogenerate.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fully qualified name of the first type declared in a Java source text.
 *
 * <p>Lets tests pass bare source strings; javac needs the name to accept a public class. This
 * reads the {@code package} clause and the first {@code class}, {@code interface}, {@code enum}
 * or {@code record} declaration after removing comments and literals, which is enough for the
 * hand-written entities tests compile, not a Java parser.
 */
final class SourceNames {

  private static final Pattern COMMENTS_AND_LITERALS =
      Pattern.compile(
          "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:\\\\.|[^\\\\])*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'",
          Pattern.DOTALL);
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);
  private static final Pattern TYPE =
      Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)");

  private SourceNames() {}

  static String qualifiedName(String source) {
    String code = COMMENTS_AND_LITERALS.matcher(source).replaceAll(" ");
    Matcher type = TYPE.matcher(code);
    if (!type.find()) {
      throw new IllegalArgumentException("no class, interface, enum or record in:\n" + source);
    }
    Matcher packageClause = PACKAGE.matcher(code);
    if (packageClause.find() && packageClause.start() < type.start()) {
      return packageClause.group(1).replaceAll("\\s", "") + "." + type.group(1);
    }
    return type.group(1);
  }
}
