package dev.autogenerate.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.autogenerate.changes.Change;
import java.util.List;

/**
 * One step as the file writes it: the change, its statement, the statement's text as it appears
 * in the file (which says whether it wraps), and what it costs in the class file.
 */
record StepCode(Change change, CodeBlock statement, String text, CodeSize size) {

  static StepCode of(Change change, CodeBlock statement, String text) {
    return new StepCode(change, statement, text, CodeSize.ofStatement(text));
  }

  /** The change's reason as {@code //} comment lines; none when it has no reason. */
  List<String> comment() {
    return MigrationWriter.commentLines(change.reason());
  }

  boolean spansLines() {
    return StatementProbe.spansLines(text);
  }

  /** The same step written at another depth, where it may wrap differently (and costs the same). */
  StepCode withText(String otherText) {
    return new StepCode(change, statement, otherText, size);
  }
}
