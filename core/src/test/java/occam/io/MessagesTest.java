package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void shortPlainValuesAreShownAsTheyAre() {
    assertEquals("p31-add", Messages.value("p31-add"));
    assertEquals("null", Messages.value(null));
    assertEquals("x".repeat(80), Messages.value("x".repeat(80)));
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\tb\\nc\\rd\\u0000e\\u001b[31m\\u2028", Messages.value("a\tb\nc\rd\u0000e\u001b[31m\u2028"));
  }

  @Test
  void hugeTokenIsCut() {
    String token = "A".repeat(50_000_000);
    String shown = Messages.value(token);
    assertEquals("A".repeat(80) + "… (50000000 chars)", shown);
  }

  @Test
  void cuttingNeverSplitsAnEscapeOrASurrogatePair() {
    String s = "x".repeat(79) + "\n" + "y";
    assertEquals("x".repeat(79) + "… (81 chars)", Messages.value(s));
    String emoji = "😀".repeat(50); // 100 chars, 50 code points
    String shown = Messages.value(emoji);
    assertEquals("😀".repeat(40) + "… (50 chars)", shown);
    assertFalse(Character.isHighSurrogate(shown.charAt(79)));
    assertTrue(Messages.value("ab", 1).startsWith("a… "));
    assertThrows(IllegalArgumentException.class, () -> Messages.value("a", 0));
  }
}
