package dev.engram;

/**
 * Input limits shared by every host. A value over a limit is rejected with a message naming the limit,
 * never truncated, so a caller always learns that its input did not fit.
 */
public final class Limits {
  /** Longest scope name, in chars. */
  public static final int MAX_SCOPE_CHARS = 200;
  /** Longest text for one observe call, in chars (1 MiB). Larger documents are sent in several calls. */
  public static final int MAX_TEXT_CHARS = 1 << 20;
  /** Most texts in one observeMany call. */
  public static final int MAX_BATCH = 100_000;
  /** Longest question, in chars. */
  public static final int MAX_QUESTION_CHARS = 4096;
  /** Largest k for recall. */
  public static final int MAX_K = 1000;

  /** Longest variable name, in chars. */
  public static final int MAX_VAR_NAME_CHARS = 200;
  /** Longest variable value, in chars. */
  public static final int MAX_VAR_VALUE_CHARS = 65_536;

  private Limits() {}

  public static void checkVarName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("variable name must not be empty");
    }
    if (name.length() > MAX_VAR_NAME_CHARS) {
      throw new IllegalArgumentException(
          "variable name is " + name.length() + " chars; the limit is " + MAX_VAR_NAME_CHARS);
    }
  }

  public static void checkVarValue(String value) {
    if (value == null) {
      throw new IllegalArgumentException("variable value is required");
    }
    if (value.length() > MAX_VAR_VALUE_CHARS) {
      throw new IllegalArgumentException(
          "variable value is " + value.length() + " chars; the limit is " + MAX_VAR_VALUE_CHARS);
    }
  }

  public static void checkScope(String scope) {
    if (scope == null) {
      throw new IllegalArgumentException("scope is required");
    }
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("scope must not be empty");
    }
    if (scope.length() > MAX_SCOPE_CHARS) {
      throw new IllegalArgumentException(
          "scope is " + scope.length() + " chars; the limit is " + MAX_SCOPE_CHARS);
    }
    for (int i = 0; i < scope.length(); i++) {
      char c = scope.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("scope must not contain control characters (at index " + i + ")");
      }
    }
  }

  public static void checkText(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "text is " + text.length() + " chars; the limit is " + MAX_TEXT_CHARS + " per call (split it)");
    }
  }

  public static void checkBatch(String[] texts) {
    if (texts == null) {
      throw new IllegalArgumentException("texts is required");
    }
    if (texts.length > MAX_BATCH) {
      throw new IllegalArgumentException(
          "batch has " + texts.length + " texts; the limit is " + MAX_BATCH + " per call");
    }
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] == null) {
        throw new IllegalArgumentException("texts[" + i + "] is null");
      }
      checkText(texts[i]);
    }
  }

  public static void checkQuestion(String question) {
    if (question == null) {
      throw new IllegalArgumentException("question is required");
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      throw new IllegalArgumentException(
          "question is " + question.length() + " chars; the limit is " + MAX_QUESTION_CHARS);
    }
  }

  /** A forget substring: "" means the whole scope; as long as a question at most. */
  public static void checkSubstring(String substring) {
    if (substring == null) {
      throw new IllegalArgumentException("substring is required (\"\" forgets the whole scope)");
    }
    if (substring.length() > MAX_QUESTION_CHARS) {
      throw new IllegalArgumentException(
          "substring is " + substring.length() + " chars; the limit is " + MAX_QUESTION_CHARS);
    }
  }

  public static void checkK(int k) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    }
  }
}
