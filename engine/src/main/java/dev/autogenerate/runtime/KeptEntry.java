package dev.autogenerate.runtime;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A cache entry a command found or wrote: its file, and when the files it was made from were
 * stamped. A change to those files since may have made it stale; until then, the next command
 * that needs it finds it ({@code project.LaunchHint}).
 */
public record KeptEntry(Path file, Instant stampedAt) {}
