package dev.autogenerate.cli;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds text in a generated migration whose {@code //} comments are wrapped at the file's line
 * width: where the text has a space between two words, the file may break the line instead and
 * go on in a {@code //} line at the same indent. The words and everything else must match
 * exactly, so an assertion loses nothing but where the line breaks.
 */
final class WrappedComments {

  /** A space between two words, where the writer may wrap a comment. */
  private static final Pattern WORD_SPACE = Pattern.compile("(?<=\\S) (?=\\S)");
  /** The same space, or a line break and the next comment line's {@code // }. */
  private static final String SPACE_OR_WRAP = "(?: |\\n[ ]*// )";

  private WrappedComments() {}

  /** Whether {@code file} holds {@code text}, its comments wrapped anywhere at word spaces. */
  static boolean containsWrapped(String file, String text) {
    String pattern = Arrays.stream(WORD_SPACE.split(text, -1))
        .map(Pattern::quote)
        .collect(Collectors.joining(SPACE_OR_WRAP));
    return Pattern.compile(pattern).matcher(file).find();
  }
}
