package dev.engram.text;

/**
 * The {@link Character} tests the text code asks, answered for ASCII without a table and deferred to
 * {@link Character} above it, so each gives exactly the JDK's answer for every char.
 *
 * <p>Why: TeaVM's {@code Character.getType} (behind {@code isLetter}, {@code isDigit}, {@code
 * isUpperCase}, and {@code isWhitespace} of a plain space) decodes its whole Unicode category table the
 * first time it runs, about 3 ms of a wasm instance's first {@code observe} (docs/WASM.md, cold start).
 * With these, ASCII text never builds that table; the first non-ASCII letter still does, once.
 */
public final class Chars {
  private Chars() {}

  /** {@link Character#isLetter(char)}. */
  public static boolean isLetter(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return Character.isLetter(c);
  }

  /** {@link Character#isDigit(char)}. */
  public static boolean isDigit(char c) {
    if (c < 128) {
      return c >= '0' && c <= '9';
    }
    return Character.isDigit(c);
  }

  /** {@link Character#isLetterOrDigit(char)}. */
  public static boolean isLetterOrDigit(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /** {@link Character#isUpperCase(char)}. */
  public static boolean isUpperCase(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z';
    }
    return Character.isUpperCase(c);
  }

  /** {@link Character#isWhitespace(char)}: in ASCII, tab to carriage return, the four separators, space. */
  public static boolean isWhitespace(char c) {
    if (c < 128) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
    }
    return Character.isWhitespace(c);
  }
}
