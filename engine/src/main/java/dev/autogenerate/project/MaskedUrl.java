package dev.autogenerate.project;

import java.util.regex.Pattern;

/**
 * A JDBC URL as it may be printed: a password in it ({@code ?password=...}, {@code user:secret@})
 * is replaced by {@code ***}, so error messages and logs never show it.
 */
public final class MaskedUrl {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]+:)[^/@]*@");

  private MaskedUrl() {}

  public static String of(String url) {
    if (url == null) {
      return null;
    }
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1***@");
  }

  /** A driver's message with the configured password and URL masked, in case the driver echoes them. */
  static String withoutSecrets(String message, Settings settings) {
    String text = message;
    if (settings.url() != null) {
      text = text.replace(settings.url(), of(settings.url()));
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      text = text.replace(settings.password(), "***");
    }
    return text;
  }
}
