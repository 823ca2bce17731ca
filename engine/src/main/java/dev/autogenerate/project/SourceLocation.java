package dev.autogenerate.project;

/**
 * Where something is written in a source file.
 *
 * @param file the path, relative to the working directory, with {@code /} separators (as GitHub
 *     expects for annotations)
 * @param line 1-based
 */
public record SourceLocation(String file, int line) {}
