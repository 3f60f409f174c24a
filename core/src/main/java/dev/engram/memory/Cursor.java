package dev.engram.memory;

/**
 * Recall cursors: an opaque token for "the next page starts at result N". Stateless, so a host can
 * hold it across requests; validated on the way in so a forged cursor is an error, not a wrong page.
 */
final class Cursor {
  private static final String PREFIX = "c1.";

  private Cursor() {}

  /** Deepest result a cursor may point at. */
  static final int MAX_OFFSET = 1_000_000;

  private static IllegalArgumentException invalid(String cursor) {
    String shown = cursor.length() > 20 ? cursor.substring(0, 20) + "…" : cursor;
    return new IllegalArgumentException("invalid cursor '" + shown + "': pass back the 'next' of a previous page");
  }

  static String encode(int offset) {
    return PREFIX + Integer.toString(offset, 36);
  }

  /** The offset a cursor stands for; 0 for null or empty (the first page). */
  static int decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    // At most 5 base-36 digits (60,466,175): the sum below cannot overflow, and a forged cursor is
    // an error, never a wrong page. The message shows a bounded prefix of what was passed.
    if (!cursor.startsWith(PREFIX) || cursor.length() > PREFIX.length() + 5 || cursor.length() == PREFIX.length()) {
      throw invalid(cursor);
    }
    int offset = 0;
    for (int i = PREFIX.length(); i < cursor.length(); i++) {
      int d = Character.digit(cursor.charAt(i), 36);
      if (d < 0) {
        throw invalid(cursor);
      }
      offset = offset * 36 + d;
    }
    if (offset > MAX_OFFSET) {
      throw new IllegalArgumentException("cursor beyond the last page");
    }
    return offset;
  }
}
