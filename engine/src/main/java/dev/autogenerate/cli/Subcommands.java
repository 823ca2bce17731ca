package dev.autogenerate.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands, and which of them a command line needs. Picocli builds the model of every
 * subcommand it is given, with a copy of each inherited option, by reflection: for all of them,
 * that was a fifth of a short command's time. A command line that names its subcommand first
 * ({@code autogenerate check ...}) gets only that one, and {@code autogenerate -m ...} none; any
 * other (help, a typo picocli suggests a fix for, options first) gets them all. What a user sees
 * is the same: after a mistake on a line that built fewer, the usage is printed from a command
 * line that has them all ({@link AutogenerateCli#run}).
 */
final class Subcommands {

  /** In the order help lists them. */
  static final List<Class<?>> ALL = List.of(
      InitCommand.class,
      RevisionCommand.class,
      UpgradeCommand.class,
      DowngradeCommand.class,
      CurrentCommand.class,
      HistoryCommand.class,
      HeadsCommand.class,
      BranchesCommand.class,
      MergeCommand.class,
      ShowCommand.class,
      StampCommand.class,
      BaselineCommand.class,
      CheckCommand.class,
      ConfigCommand.class,
      DaemonCommand.class,
      CommandLine.HelpCommand.class);

  private static final Set<String> MESSAGE_OPTIONS = Set.of("-m", "--message");

  private Subcommands() {}

  /** Adds to the root command line the subcommands these arguments need. */
  static void register(CommandLine root, String... args) {
    for (Class<?> subcommand : needed(args)) {
      root.addSubcommand(subcommand);
    }
  }

  /** The subcommands these arguments need, as the class comment says. */
  static List<Class<?>> needed(String... args) {
    if (args.length == 0) {
      return ALL;
    }
    Optional<Class<?>> first = named(args[0]);
    if (first.isPresent() && first.get() != CommandLine.HelpCommand.class) {
      return List.of(first.get());
    }
    // A message is free text: `-m init` names no command. Registered, `init` would make picocli
    // refuse it as the message ("found 'init'").
    boolean hasMessage = false;
    boolean namesOne = false;
    for (int i = 0; i < args.length; i++) {
      if (MESSAGE_OPTIONS.contains(args[i])) {
        hasMessage = true;
        i++;
      } else if (named(args[i]).isPresent()) {
        namesOne = true;
      }
    }
    return hasMessage && !namesOne ? List.of() : ALL;
  }

  private static Optional<Class<?>> named(String arg) {
    return ALL.stream().filter(type -> name(type).equals(arg)).findFirst();
  }

  static String name(Class<?> subcommand) {
    return subcommand.getAnnotation(Command.class).name();
  }
}
