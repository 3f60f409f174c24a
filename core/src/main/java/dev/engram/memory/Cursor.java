package dev.engram.memory;

/**
 * Recall cursors: an opaque token for "the next page starts at result N". Stateless, so a host can
 * hold it across requests; validated on the way in so a forged cursor is an error, not a wrong page.
 */
final class Cursor {
  private static final String PREFIX = "c1.";

  private Cursor() {}

  static String encode(int offset) {
    return PREFIX + Integer.toString(offset, 36);
  }

  /** The offset a cursor stands for; 0 for null or empty (the first page). */
  static int decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    if (!cursor.startsWith(PREFIX) || cursor.length() > PREFIX.length() + 7) {
      throw new IllegalArgumentException("invalid cursor '" + cursor + "': pass back the 'next' of a previous page");
    }
    int offset = 0;
    for (int i = PREFIX.length(); i < cursor.length(); i++) {
      int d = Character.digit(cursor.charAt(i), 36);
      if (d < 0) {
        throw new IllegalArgumentException("invalid cursor '" + cursor + "': pass back the 'next' of a previous page");
      }
      offset = offset * 36 + d;
    }
    if (offset > 1_000_000) {
      throw new IllegalArgumentException("cursor beyond the last page");
    }
    return offset;
  }
}
