package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.project.SourceLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Workflow commands are escaped as the GitHub runner reads them back. */
class WorkflowCommandTest {

  @Test
  void messagesEscapePercentAndLineBreaks() {
    assertEquals("100%25 sure%0Atwo%0D%0Athree: a, b", WorkflowCommand.message("100% sure\ntwo\r\nthree: a, b"));
    // % first: an escaped line break is not escaped twice, and a literal "%0A" stays literal
    assertEquals("%250A", WorkflowCommand.message("%0A"));
  }

  @Test
  void propertiesAlsoEscapeColonAndComma() {
    assertEquals("a%3A b%2C c%25%0A", WorkflowCommand.property("a: b, c%\n"));
  }

  @Test
  void aCommandWithAndWithoutALocation() {
    assertEquals("::error file=src/main/java/A.java,line=7,title=check%3A users::add column users.age: 50%25",
        new WorkflowCommand("error", Optional.of(new SourceLocation("src/main/java/A.java", 7)), "check: users",
            "add column users.age: 50%").line());
    assertEquals("::warning title=note::an index%0Aonly the database has",
        new WorkflowCommand("warning", Optional.empty(), "note", "an index\nonly the database has").line());
  }
}
