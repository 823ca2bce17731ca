package dev.autogenerate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine's errors, as a build tells them: goals and parameters, not the command line's words. */
class MavenWordingTest {

  @Test
  void connectionSettingsAreThePluginsParameters() {
    assertEquals("error: cannot connect to jdbc:postgresql://db/app: refused (check url, user and password in the"
            + " plugin's <url>, <user> and <password> (or -Dautogenerate.url, -Dautogenerate.user,"
            + " -Dautogenerate.password; AUTOGENERATE_URL; autogenerate.properties); connect.timeout=10 s)",
        MavenWording.of("error: cannot connect to jdbc:postgresql://db/app: refused (check url, user and password in"
            + " autogenerate.properties, AUTOGENERATE_URL or --url; connect.timeout=10 s)"));
  }

  @Test
  void commandsAreGoals() {
    assertEquals("error: the history has two heads: run autogenerate merge -m \"MESSAGE\" to join them, or"
            + " mvn autogenerate:upgrade -Dautogenerate.target=heads",
        MavenWording.of("error: the history has two heads: run autogenerate merge -m \"MESSAGE\" to join them, or"
            + " autogenerate upgrade heads"));
    assertEquals("run mvn autogenerate:upgrade first; then mvn autogenerate:generate -Dautogenerate.message=\"x\"",
        MavenWording.of("run `autogenerate upgrade head` first; then autogenerate -m \"x\""));
    assertEquals("or write the first migration with mvn autogenerate:generate -Dautogenerate.message=MESSAGE",
        MavenWording.of("or write the first migration with autogenerate -m MESSAGE"));
    assertEquals("mvn autogenerate:downgrade -Dautogenerate.target=abc123, then",
        MavenWording.of("autogenerate downgrade abc123, then"));
  }
}
