package dev.autogenerate.cli;

/**
 * How {@code check} reports: for a person, for a tool, or for GitHub Actions. The exit code is the
 * same in each, so a CI job can switch format without changing how it decides.
 */
enum CheckFormat {
  /** Lines for a person reading a terminal or a build log; the default. */
  TEXT,
  /** One JSON document on stdout, for tools. */
  JSON,
  /** GitHub Actions workflow commands, so differences show as annotations on the entity source. */
  GITHUB
}
