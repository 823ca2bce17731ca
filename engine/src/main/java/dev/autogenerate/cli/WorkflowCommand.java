package dev.autogenerate.cli;

import dev.autogenerate.project.SourceLocation;
import java.util.Optional;

/**
 * One GitHub Actions workflow command ({@code ::error file=F,line=N,title=T::message}), which the
 * runner turns into an annotation on the pull request's file and line.
 *
 * @param level {@code error}, {@code warning} or {@code notice}
 * @param location the file and line to annotate, if known
 * @param title the annotation's title
 * @param message the annotation's text; may span lines
 */
record WorkflowCommand(String level, Optional<SourceLocation> location, String title, String message) {

  /** The line the runner reads. */
  String line() {
    StringBuilder properties = new StringBuilder();
    location.ifPresent(at -> properties.append("file=").append(property(at.file()))
        .append(",line=").append(at.line()).append(','));
    properties.append("title=").append(property(title));
    return "::" + level + " " + properties + "::" + message(message);
  }

  /**
   * A message escaped as the runner unescapes it: {@code %} first (else the other escapes would
   * be read back wrongly), then the line breaks, which would otherwise end the command.
   */
  static String message(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as a message, and {@code :} and {@code ,}, which end the property. */
  static String property(String text) {
    return message(text).replace(":", "%3A").replace(",", "%2C");
  }
}
