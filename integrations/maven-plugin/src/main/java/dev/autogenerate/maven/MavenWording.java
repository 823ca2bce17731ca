package dev.autogenerate.maven;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine's error line said the Maven way: where it names the command line's commands, options
 * and settings, the goals and parameters that do the same in a build. A Maven user told to run
 * {@code autogenerate upgrade heads} or to check {@code --url} is told of something the build
 * does not have.
 */
final class MavenWording {

  private record Rewrite(Pattern pattern, String replacement) {}

  private static final List<Rewrite> REWRITES = List.of(
      new Rewrite(Pattern.compile("in autogenerate\\.properties, AUTOGENERATE_URL or --url"),
          "in the plugin's <url>, <user> and <password> (or -Dautogenerate.url, -Dautogenerate.user,"
              + " -Dautogenerate.password; AUTOGENERATE_URL; autogenerate.properties)"),
      new Rewrite(Pattern.compile("set url= in autogenerate\\.properties, AUTOGENERATE_URL, --url, or"),
          "set the plugin's <url> (or -Dautogenerate.url; AUTOGENERATE_URL; url= in autogenerate.properties), or"),
      new Rewrite(Pattern.compile("the url is from option --url"), "the url is from the plugin's <url> (or -Dautogenerate.url)"),
      new Rewrite(Pattern.compile("`?autogenerate upgrade heads`?"), "mvn autogenerate:upgrade -Dautogenerate.target=heads"),
      new Rewrite(Pattern.compile("`?autogenerate upgrade head`?"), "mvn autogenerate:upgrade"),
      new Rewrite(Pattern.compile("`?autogenerate downgrade ([^ `;,)]+)`?"),
          "mvn autogenerate:downgrade -Dautogenerate.target=$1"),
      new Rewrite(Pattern.compile("`?autogenerate -m (\"[^\"]*\"|[A-Z]+)`?"),
          "mvn autogenerate:generate -Dautogenerate.message=$1"),
      new Rewrite(Pattern.compile("`?autogenerate baseline -m (\"[^\"]*\"|[A-Z]+)`?"),
          "mvn autogenerate:baseline -Dautogenerate.message=$1"),
      new Rewrite(Pattern.compile("`?autogenerate baseline`?"), "mvn autogenerate:baseline"),
      new Rewrite(Pattern.compile("`?autogenerate stamp ([^ `;,)]+)`?"), "mvn autogenerate:stamp -Dautogenerate.target=$1"),
      new Rewrite(Pattern.compile("`?autogenerate stamp`?"), "mvn autogenerate:stamp"),
      new Rewrite(Pattern.compile("`?autogenerate check`?"), "mvn autogenerate:check"),
      new Rewrite(Pattern.compile("`?autogenerate history`?"), "mvn autogenerate:history"),
      new Rewrite(Pattern.compile("run downgrade -1 and then upgrade heads"),
          "run mvn autogenerate:downgrade -Dautogenerate.target=-1, then mvn autogenerate:upgrade"
              + " -Dautogenerate.target=heads"),
      new Rewrite(Pattern.compile("run downgrade -1 and then upgrade head"),
          "run mvn autogenerate:downgrade -Dautogenerate.target=-1, then mvn autogenerate:upgrade"),
      new Rewrite(Pattern.compile("\\) and then upgrade heads"), ") and then mvn autogenerate:upgrade"
          + " -Dautogenerate.target=heads"),
      new Rewrite(Pattern.compile("\\) and then upgrade head"), ") and then mvn autogenerate:upgrade"),
      new Rewrite(Pattern.compile("^(error: )?upgrade --sql (\\S+) goes backwards: use downgrade --sql"),
          "$1-Dautogenerate.range=$2 goes backwards: add -Dautogenerate.downgrade for the downgrade's script"),
      new Rewrite(Pattern.compile("^(error: )?downgrade --sql (\\S+) goes forwards: use upgrade --sql"),
          "$1-Dautogenerate.range=$2 goes forwards: leave -Dautogenerate.downgrade out for the upgrade's script"),
      new Rewrite(Pattern.compile("^(error: )?downgrade --sql needs FROM:TO"),
          "$1-Dautogenerate.downgrade needs -Dautogenerate.range=FROM:TO"),
      new Rewrite(Pattern.compile("`?autogenerate merge -m (\"[^\"]*\"|[A-Z]+)`?"),
          "mvn autogenerate:merge -Dautogenerate.message=$1"),
      new Rewrite(Pattern.compile("autogenerate (upgrade|downgrade) --sql CURRENT:TO"),
          "mvn autogenerate:sql -Dautogenerate.range=CURRENT:TO"),
      new Rewrite(Pattern.compile("--rename ([^\\s:)]+)"), "-Dautogenerate.renames=$1"),
      new Rewrite(Pattern.compile("\\(autogenerate\\.properties, --migrations\\)"),
          "(the plugin's <migrationsPackage>, -Dautogenerate.migrationsPackage, or migrations= in"
              + " autogenerate.properties)"));

  private MavenWording() {}

  static String of(String line) {
    String said = line;
    for (Rewrite rewrite : REWRITES) {
      Matcher matcher = rewrite.pattern().matcher(said);
      said = matcher.replaceAll(rewrite.replacement());
    }
    return said;
  }
}
