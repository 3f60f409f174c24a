package dev.engram.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * BERT's WordPiece tokenizer, as the {@code vocab.txt} of MiniLM and other BERT-family exports expects:
 *
 * <ol>
 *   <li>clean: drop NUL, U+FFFD and control/format/unassigned characters, treat every space separator as a
 *       space;
 *   <li>put spaces around CJK ideographs, so each is a word of its own;
 *   <li>split on whitespace; per word, lower-case and strip accents (canonical decomposition without its
 *       non-spacing marks: é -> e, Hangul syllables -> jamo) when the spec asks, then split off every
 *       punctuation character (ASCII symbols and Unicode P* categories) as a word of its own;
 *   <li>each word: greedy longest-match-first over the vocabulary, continuation pieces prefixed {@code ##};
 *       a word with no full match, or over 100 characters, becomes [UNK];
 *   <li>[CLS] pieces [SEP], cut to {@code maxLength} (see {@link TextSpec}) and padded with [PAD] when the
 *       spec asks.
 * </ol>
 *
 * <p>Decomposition comes from {@link AccentTable}, generated from the JDK's NFD (TeaVM has no {@code
 * java.text.Normalizer}); the few BMP characters that decompose into several base letters, and characters
 * beyond the BMP, are kept as written, where Python's tokenizer would decompose them.
 *
 * <p>Layout: the vocabulary is one {@code HashMap<String, Integer>} (30,522 entries for MiniLM, a few MB);
 * tokenizing is a handful of substring look-ups per word, far below the cost of running the model.
 */
public final class WordPiece {
  /** Longer words are not split but read as [UNK], as BERT does. */
  static final int MAX_WORD_CHARS = 100;

  private final TextSpec spec;
  private final HashMap<String, Integer> vocab;
  private final int cls;
  private final int sep;
  private final int unk;
  private final int pad;
  /** Token by id, for {@link #pieces}; null where the vocabulary repeats a token. */
  private final String[] tokens;

  /** A tokenizer over {@code vocabText} (the contents of {@code vocab.txt}) with {@code spec}'s settings. */
  public WordPiece(String vocabText, TextSpec spec) {
    if (spec == null) throw new IllegalArgumentException("text settings are missing");
    if (vocabText == null || vocabText.isEmpty()) throw new IllegalArgumentException("the vocabulary " + spec.vocab() + " is empty");
    this.spec = spec;
    this.vocab = new HashMap<>();
    List<String> list = new ArrayList<>();
    int start = 0;
    int n = vocabText.length();
    while (start < n) {
      int end = vocabText.indexOf('\n', start);
      if (end < 0) end = n;
      int stop = end > start && vocabText.charAt(end - 1) == '\r' ? end - 1 : end;
      String token = vocabText.substring(start, stop);
      vocab.put(token, list.size()); // a repeated token keeps its last id, as BERT's load_vocab
      list.add(token);
      start = end + 1;
    }
    tokens = list.toArray(new String[0]);
    cls = special("[CLS]");
    sep = special("[SEP]");
    unk = special("[UNK]");
    pad = special("[PAD]");
  }

  private int special(String token) {
    Integer id = vocab.get(token);
    if (id == null) throw new IllegalArgumentException("the vocabulary " + spec.vocab() + " has no " + token + " token; is it a BERT vocab.txt?");
    return id;
  }

  /** Tokens in the vocabulary. */
  public int size() {
    return vocab.size();
  }

  /** The id of {@code token}, or -1. */
  public int id(String token) {
    Integer id = vocab.get(token);
    return id == null ? -1 : id;
  }

  /**
   * Word pieces in {@code text} before any cut: more than {@code maxLength - 2} means {@link #ids} encodes
   * only the first {@code maxLength - 2} of them.
   */
  public int pieceCount(String text) {
    int[] pieces = new int[MAX_WORD_CHARS];
    int total = 0;
    for (String word : words(text)) total += pieces(word, pieces);
    return total;
  }

  /** The token ids of {@code text}: [CLS] pieces [SEP], then [PAD] up to {@code maxLength} when padding. */
  public int[] ids(String text) {
    List<String> words = words(text);
    int limit = spec.maxLength() - 1; // room for [SEP]
    int[] out = new int[spec.maxLength()];
    int n = 0;
    out[n++] = cls;
    int[] pieces = new int[MAX_WORD_CHARS];
    for (int w = 0; w < words.size() && n < limit; w++) {
      int count = pieces(words.get(w), pieces);
      for (int i = 0; i < count && n < limit; i++) out[n++] = pieces[i];
    }
    out[n++] = sep;
    if (spec.pad()) {
      while (n < out.length) out[n++] = pad;
      return out;
    }
    int[] exact = new int[n];
    System.arraycopy(out, 0, exact, 0, n);
    return exact;
  }

  /** The attention mask of {@code ids} from {@link #ids}: 1 for a token, 0 for [PAD]. */
  public int[] mask(int[] ids) {
    int[] mask = new int[ids.length];
    for (int i = 0; i < ids.length; i++) mask[i] = ids[i] == pad ? 0 : 1;
    return mask;
  }

  /** The word pieces of {@code text} as strings, without [CLS]/[SEP] (for tests and debugging). */
  public List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int[] ids = ids(text);
    for (int i = 1; i < ids.length && ids[i] != sep; i++) out.add(tokens[ids[i]]);
    return out;
  }

  /** Greedy longest-match-first pieces of one word into {@code out}; their count. */
  private int pieces(String word, int[] out) {
    int[] cps = new int[word.length()];
    int len = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      cps[len++] = cp;
      i += Character.charCount(cp);
    }
    if (len > MAX_WORD_CHARS) {
      out[0] = unk;
      return 1;
    }
    int count = 0;
    int start = 0;
    while (start < len) {
      int end = len;
      int found = -1;
      while (start < end) {
        String sub = new String(cps, start, end - start);
        Integer id = vocab.get(start > 0 ? "##" + sub : sub);
        if (id != null) {
          found = id;
          break;
        }
        end--;
      }
      if (found < 0) {
        out[0] = unk;
        return 1;
      }
      out[count++] = found;
      start = end;
    }
    return count;
  }

  /** Steps 1 to 3: the words of {@code text}, cleaned, cased, stripped and split at punctuation. */
  List<String> words(String text) {
    if (text == null) throw new IllegalArgumentException("text is missing");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0 || cp == 0xFFFD || isControl(cp)) continue;
      if (isWhitespace(cp)) {
        flush(word, words);
      } else if (isCjk(cp)) {
        flush(word, words);
        word.appendCodePoint(cp);
        flush(word, words);
      } else {
        word.appendCodePoint(cp);
      }
    }
    flush(word, words);
    return words;
  }

  private void flush(StringBuilder word, List<String> words) {
    if (word.length() == 0) return;
    String w = word.toString();
    word.setLength(0);
    if (spec.lowercase()) w = w.toLowerCase(Locale.ROOT);
    if (spec.stripAccents()) {
      StringBuilder b = new StringBuilder(w.length());
      stripAccents(w, b);
      w = b.toString();
    }
    int from = 0;
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isPunctuation(cp)) {
        if (i > from) words.add(w.substring(from, i));
        words.add(w.substring(i, next));
        from = next;
      }
      i = next;
    }
    if (from < w.length()) words.add(w.substring(from));
  }

  /** Appends {@code s} to {@code out} decomposed, without its non-spacing marks. */
  static void stripAccents(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) { // Hangul syllable: leading consonant, vowel, optional trailing consonant
        int index = c - 0xAC00;
        out.append((char) (0x1100 + index / (21 * 28)));
        out.append((char) (0x1161 + (index % (21 * 28)) / 28));
        if (index % 28 != 0) out.append((char) (0x11A7 + index % 28));
        continue;
      }
      int at = find(c);
      if (at >= 0) {
        out.append(AccentTable.BASES.charAt(at));
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
  }

  /** Binary search of {@code c} in the sorted {@link AccentTable#KEYS}; -1 when absent. */
  private static int find(char c) {
    String keys = AccentTable.KEYS;
    int lo = 0;
    int hi = keys.length() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char k = keys.charAt(mid);
      if (k < c) lo = mid + 1;
      else if (k > c) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private static boolean isWhitespace(int cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Python's category "C*" (control, format, private use, surrogate, unassigned), tab and newlines aside. */
  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return false;
    int t = Character.getType(cp);
    return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.SURROGATE
        || t == Character.UNASSIGNED;
  }

  /** ASCII symbols (BERT counts $, +, ^ and the like as punctuation) and every Unicode P* category. */
  private static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  /** The CJK Unified Ideographs blocks BERT spaces out (not Hangul, kana or other CJK scripts). */
  private static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
