package dev.engram.text;

/**
 * The tokens of one piece of text, as parallel arrays (a token is index {@code i} of each).
 *
 * <p>A token is a run of letters and digits, joined across an inner {@code - . / : @ _ +} when a letter
 * or digit follows ("us-west-2", "3.5", "120/80", "9:30", "a@b.io"), so identifiers and numbers stay whole.
 * An apostrophe suffix is split off: "Lena's" gives the token "lena" with {@link #POSSESSIVE} set, "what's"
 * gives "what" followed by a synthetic "is". {@link #norm} is the lower-cased surface; offsets index the
 * original text so a value can be cut out of it verbatim.
 */
public final class Tokens {
  /** First letter upper-case in the original text. */
  public static final int CAPITALIZED = 1;
  /** Contains at least one digit. */
  public static final int HAS_DIGIT = 2;
  /** Only digits (and inner separators), e.g. "120", "3.5", "9:30". */
  public static final int NUMERIC = 4;
  /** Followed by 's or s' in the original text. */
  public static final int POSSESSIVE = 8;
  /** Synthetic token expanded from a contraction; it has no span of its own. */
  public static final int SYNTHETIC = 16;
  /** Starts a sentence (the first token of the text). */
  public static final int FIRST = 32;

  public final String text;
  public int size;
  public String[] norm;
  public int[] start;
  public int[] end;
  public int[] flags;

  private Tokens(String text, int capacity) {
    this.text = text;
    norm = new String[capacity];
    start = new int[capacity];
    end = new int[capacity];
    flags = new int[capacity];
  }

  public boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  /** The original text of tokens {@code from..to} inclusive, verbatim. */
  public String span(int from, int to) {
    return text.substring(start[from], end[to]);
  }

  private void add(String n, int s, int e, int f) {
    if (size == norm.length) {
      int cap = size * 2;
      norm = java.util.Arrays.copyOf(norm, cap);
      start = java.util.Arrays.copyOf(start, cap);
      end = java.util.Arrays.copyOf(end, cap);
      flags = java.util.Arrays.copyOf(flags, cap);
    }
    norm[size] = n;
    start[size] = s;
    end[size] = e;
    flags[size] = f;
    size++;
  }

  private static boolean isWordChar(char c) {
    return Chars.isLetterOrDigit(c);
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == '_' || c == '+' || c == '#';
  }

  private static boolean isCurrency(char c) {
    return c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5';
  }

  /** Exactly three digits at {@code i}, not followed by another digit. */
  private static boolean isThousands(String text, int i) {
    for (int k = i; k < i + 3; k++) {
      if (!Chars.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return i + 3 >= text.length() || !Chars.isDigit(text.charAt(i + 3));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  /** Tokenizes {@code text}. */
  public static Tokens of(String text) {
    Tokens t = new Tokens(text, 16);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int s = i;
      boolean digit = false;
      boolean allDigits = true;
      while (i < n) {
        char d = text.charAt(i);
        if (isWordChar(d)) {
          if (Chars.isDigit(d)) {
            digit = true;
          } else {
            allDigits = false;
          }
          i++;
        } else if (d == ',' && allDigits && i + 3 < n && isThousands(text, i + 1)) {
          i++; // "2,400": a thousands separator inside a number
        } else if (isJoiner(d) && i + 1 < n && isWordChar(text.charAt(i + 1)) && i > s) {
          // A '.' with no space around it joins: "3.5", "vpn.northwind.io", "kai.r@fastmail.com".
          if (d != '.' && d != ':' && d != '/') {
            allDigits = false;
          }
          i++;
        } else {
          break;
        }
      }
      if (i < n && text.charAt(i) == '%' && digit) {
        i++; // "45%"
      }
      int e = i;
      // A currency sign belongs to its amount ("$2,400", "€30"); a leading # or @ to its tag or handle
      // ("#atlas-core", "@dana").
      if (s > 0 && digit && isCurrency(text.charAt(s - 1))) {
        s--;
      } else if (s > 0 && (text.charAt(s - 1) == '#' || text.charAt(s - 1) == '@')
          && (s == 1 || Chars.isWhitespace(text.charAt(s - 2)))) {
        s--;
      }
      int f = 0;
      if (Chars.isUpperCase(text.charAt(s))) {
        f |= CAPITALIZED;
      }
      if (digit) {
        f |= HAS_DIGIT;
        if (allDigits) {
          f |= NUMERIC;
        }
      }
      if (t.size == 0) {
        f |= FIRST;
      }
      String word = text.substring(s, e).toLowerCase();
      String contraction = null;
      // Apostrophe suffixes: 's 're 've 'll 'd 'm n't, and the plural possessive s'.
      if (i < n && isApostrophe(text.charAt(i))) {
        int j = i + 1;
        int k = j;
        while (k < n && Chars.isLetter(text.charAt(k))) {
          k++;
        }
        String suffix = text.substring(j, k).toLowerCase();
        if (suffix.equals("s")) {
          if (word.equals("what") || word.equals("who") || word.equals("where") || word.equals("when")
              || word.equals("how") || word.equals("that") || word.equals("it") || word.equals("there")
              || word.equals("here") || word.equals("he") || word.equals("she") || word.equals("let")) {
            contraction = word.equals("let") ? "us" : "is";
          } else {
            f |= POSSESSIVE;
          }
          i = k;
        } else if (suffix.equals("t") && word.endsWith("n")) {
          word = word.equals("can") ? "can" : word.equals("won") ? "will" : word.substring(0, word.length() - 1);
          e = e - 1;
          contraction = "not";
          i = k;
        } else if (suffix.equals("re")) {
          contraction = "are";
          i = k;
        } else if (suffix.equals("ve")) {
          contraction = "have";
          i = k;
        } else if (suffix.equals("ll")) {
          contraction = "will";
          i = k;
        } else if (suffix.equals("d")) {
          contraction = "would";
          i = k;
        } else if (suffix.equals("m")) {
          contraction = "am";
          i = k;
        } else if (suffix.isEmpty() && word.endsWith("s")) {
          f |= POSSESSIVE;
          i = j;
        }
      }
      if (e > s) {
        t.add(word, s, e, f);
      }
      if (contraction != null) {
        t.add(contraction, e, e, SYNTHETIC);
      }
    }
    return t;
  }
}
