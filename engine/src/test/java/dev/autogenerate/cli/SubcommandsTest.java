package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A command line gets only the subcommands it needs, and sees no difference: help still lists every
 * one, and a mistyped one is still explained.
 */
class SubcommandsTest {

  @TempDir Path directory;

  @Test
  void aCommandLineNamingItsSubcommandFirstGetsOnlyThatOne() {
    assertEquals(List.of(CheckCommand.class), Subcommands.needed("check", "--format", "json"));
    assertEquals(List.of(UpgradeCommand.class), Subcommands.needed("upgrade", "head", "--url", "jdbc:sqlite:a.db"));
  }

  @Test
  void aNewRevisionGetsNone() {
    assertEquals(List.of(), Subcommands.needed("-m", "add age column"));
    assertEquals(List.of(), Subcommands.needed("--message", "add age column", "--strict"));
    assertEquals(List.of(), Subcommands.needed("-m", "check"), "a message that is a command's name");
    assertEquals(List.of(), Subcommands.needed("--url", "jdbc:sqlite:a.db", "-m", "init"));
  }

  @Test
  void anythingElseGetsThemAll() {
    assertEquals(Subcommands.ALL, Subcommands.needed());
    assertEquals(Subcommands.ALL, Subcommands.needed("help", "check"));
    assertEquals(Subcommands.ALL, Subcommands.needed("--url", "jdbc:sqlite:a.db", "check"));
    assertEquals(Subcommands.ALL, Subcommands.needed("--profile", "check", "-m", "init"), "a command named besides the message");
    assertEquals(Subcommands.ALL, Subcommands.needed("chek"));
    assertEquals(Subcommands.ALL, Subcommands.needed("--help"));
  }

  @Test
  void everySubcommandHasItsOwnName() {
    List<String> names = Subcommands.ALL.stream().map(Subcommands::name).toList();
    assertEquals(names.size(), names.stream().distinct().count(), names::toString);
  }

  @Test
  void helpStillListsEverySubcommand() {
    String help = run("--help");
    for (Class<?> subcommand : Subcommands.ALL) {
      assertTrue(help.contains("  " + Subcommands.name(subcommand) + " "), () -> Subcommands.name(subcommand) + " in\n" + help);
    }
  }

  @Test
  void aSubcommandAloneKeepsItsInheritedOptionsAndTheCaseInsensitiveValues() {
    CommandLine commandLine = new CommandLine(new AutogenerateCli(directory, Map.of()));
    Subcommands.register(commandLine, "check", "--url", "jdbc:sqlite:a.db");
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);

    CommandLine.ParseResult parsed = commandLine.parseArgs("check", "--url", "jdbc:sqlite:a.db", "--format", "json");
    assertEquals("jdbc:sqlite:a.db", parsed.subcommand().matchedOptionValue("--url", ""));
    assertEquals(CheckFormat.JSON, parsed.subcommand().matchedOptionValue("--format", CheckFormat.TEXT));
  }

  /** A mistake is one line, as every error: what is wrong, and where the options are listed. */
  @Test
  void aMistakeOnANewRevisionsLineIsOneLineNamingTheHelp() {
    StringWriter err = new StringWriter();
    int exit = AutogenerateCli.run(directory, Map.of(), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), "-m", "add age", "--no-such-option");
    assertEquals(2, exit);
    assertEquals("error: Unknown option: '--no-such-option' (autogenerate --help lists the commands and their options)"
        + System.lineSeparator(), err.toString());
  }

  @Test
  void aMistakeInASubcommandNamesItsHelp() {
    StringWriter err = new StringWriter();
    int exit = AutogenerateCli.run(directory, Map.of(), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), "stamp", "head", "--single-transaction");
    assertEquals(2, exit);
    assertEquals("error: Unknown option: '--single-transaction' (autogenerate stamp --help lists its options)"
        + System.lineSeparator(), err.toString());
  }

  @Test
  void anOptionWhoseValueIsMissingIsStillAMistake() {
    StringWriter err = new StringWriter();
    int exit = AutogenerateCli.run(directory, Map.of(), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), "--profile", "check");
    assertEquals(2, exit);
    assertTrue(err.toString().startsWith("error: Expected parameter for option '--profile' but found 'check'"),
        err::toString);
  }

  @Test
  void aMistypedCommandAfterAMessageIsStillSuggested() {
    StringWriter err = new StringWriter();
    AutogenerateCli.run(directory, Map.of(), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), "-m", "add age", "chek");
    assertTrue(err.toString().contains("; did you mean check"), err::toString);
    assertEquals(1, err.toString().lines().count(), err::toString);
  }

  private String run(String... args) {
    StringWriter out = new StringWriter();
    AutogenerateCli.run(directory, Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    return out.toString();
  }
}
