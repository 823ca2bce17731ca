package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON escaper writes strings any reader reads back unchanged. */
class JsonTextTest {

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"", JsonText.string("a\"b\\c\nd\re\tf\u0001g\u001f"));
    assertEquals("null", JsonText.string(null));
    assertEquals("\"é ☃ 😀 / <\"", JsonText.string("é ☃ 😀 / <"));
  }

  @Test
  void everyStringRoundTripsThroughAReader() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      all.append(c);
    }
    String tricky = all + "\u2028\u2029\"\\ 😀";
    assertEquals(tricky, MiniJson.parse(JsonText.string(tricky)));
    assertEquals(List.of("x", "y\"z"), MiniJson.parse(JsonText.strings(List.of("x", "y\"z"))));
    assertEquals(List.of(), MiniJson.parse(JsonText.strings(List.of())));
  }
}
