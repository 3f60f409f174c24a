package dev.engram.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Chars must answer exactly as Character does, for every char: the fast path is only a shortcut. */
class CharsTest {
  @Test
  void agreesWithCharacterForEveryChar() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      String at = "char U+" + Integer.toHexString(i);
      assertEquals(Character.isLetter(c), Chars.isLetter(c), at + " isLetter");
      assertEquals(Character.isDigit(c), Chars.isDigit(c), at + " isDigit");
      assertEquals(Character.isLetterOrDigit(c), Chars.isLetterOrDigit(c), at + " isLetterOrDigit");
      assertEquals(Character.isUpperCase(c), Chars.isUpperCase(c), at + " isUpperCase");
      assertEquals(Character.isWhitespace(c), Chars.isWhitespace(c), at + " isWhitespace");
    }
  }
}
