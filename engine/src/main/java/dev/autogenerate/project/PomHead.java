package dev.autogenerate.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a command needs of a project's {@code pom.xml} for its defaults: the groupId (its own, else
 * its parent's, which it inherits) and the packaging, read by a scan of the elements' nesting
 * rather than the JDK's XML parser, whose first use in a process costs 100-200 ms: a command in a
 * Maven project told nothing of its migrations reads this every time.
 *
 * @param groupId the project's groupId, if plainly written (not a {@code ${...}} expression)
 * @param packaging the packaging, {@code jar} when unsaid
 * @param namesSpringBoot whether it names Spring Boot anywhere (its parent, a starter, its plugin)
 */
record PomHead(Optional<String> groupId, String packaging, boolean namesSpringBoot) {

  /** The head of {@code project/pom.xml}; empty when there is no such file or it cannot be read. */
  static Optional<PomHead> of(Path project) {
    Path pom = project.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Files.readString(pom, StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The groupId and packaging of a POM's text: children of its root, and the parent's groupId. */
  static PomHead parse(String text) {
    String own = null;
    String parents = null;
    String packaging = null;
    // The path of open elements, as far as it matters: depth 1 is <project>, 2 its children.
    String[] open = new String[3];
    int depth = 0;
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf('<', i);
      if (start < 0) {
        break;
      }
      if (text.startsWith("<!--", start)) {
        i = skipPast(text, start, "-->");
      } else if (text.startsWith("<![CDATA[", start)) {
        i = skipPast(text, start, "]]>");
      } else if (text.startsWith("<?", start) || text.startsWith("<!", start)) {
        i = skipPast(text, start, ">");
      } else {
        int end = text.indexOf('>', start);
        if (end < 0) {
          break;
        }
        boolean closing = text.charAt(start + 1) == '/';
        boolean empty = text.charAt(end - 1) == '/';
        String name = text.substring(start + (closing ? 2 : 1), empty ? end - 1 : end).strip().split("\\s", 2)[0];
        if (closing) {
          depth--;
        } else if (!empty) {
          depth++;
          if (depth < open.length) {
            open[depth] = name;
          }
          String value = depth == 2 || depth == 3 ? textUpTo(text, end + 1, name) : null;
          if (value != null && depth == 2 && name.equals("groupId")) {
            own = value;
          } else if (value != null && depth == 2 && name.equals("packaging")) {
            packaging = value;
          } else if (value != null && depth == 3 && name.equals("groupId") && "parent".equals(open[2])) {
            parents = value;
          }
        }
        i = end + 1;
      }
    }
    String group = own != null ? own : parents;
    return new PomHead(Optional.ofNullable(group).filter(value -> !value.isEmpty() && !value.contains("${")),
        packaging == null || packaging.isEmpty() ? "jar" : packaging, text.contains("spring-boot"));
  }

  /** The text of an element that holds text only, stripped; null when it holds elements. */
  private static String textUpTo(String text, int from, String name) {
    int close = text.indexOf("</" + name, from);
    if (close < 0) {
      return null;
    }
    String value = text.substring(from, close);
    return value.indexOf('<') >= 0 ? null : value.strip();
  }

  private static int skipPast(String text, int from, String end) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }
}
