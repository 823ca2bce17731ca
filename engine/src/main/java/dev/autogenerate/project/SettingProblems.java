package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with the settings, gathered while they are resolved: a user who mistyped two
 * values learns of both at once, rather than of the second after fixing the first.
 */
final class SettingProblems {

  private final List<String> problems = new ArrayList<>();

  void add(String problem) {
    problems.add(problem);
  }

  /** Runs a step that may refuse a setting with a {@link UserError}, keeping its message. */
  void collect(Runnable step) {
    try {
      step.run();
    } catch (UserError e) {
      add(e.getMessage());
    }
  }

  /** Fails with every problem found, on one line, if there is any. */
  void throwIfAny() {
    if (problems.size() == 1) {
      throw new UserError(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new UserError(problems.size() + " settings are wrong: " + String.join("; ", problems));
    }
  }
}
