package dev.engram.neuron;

/**
 * Turns recalled facts plus a message into the token sequence the router reads:
 * {@code <bos> (<fact> fact)* <msg> message <cls>}, the classifier reading the {@code <cls>} position.
 *
 * <p>Text is normalised first (ASCII letters lower-cased, runs of white space collapsed, trimmed),
 * so casing never changes a route. When the sequence would not fit the context, the message keeps
 * its last {@code context/2} tokens (the end of a turn carries its question mark or request), and
 * facts, best first, are kept while they fit, the last one cut short: a documented budget, not an
 * error, because a router must route any message.
 */
public final class RouterInput {
  private RouterInput() {}

  public static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    }
    return b.toString();
  }

  public static int[] encode(BpeTokenizer tok, String[] facts, String message, int context) {
    if (message == null) {
      throw new IllegalArgumentException("message is required");
    }
    if (context < 8) {
      throw new IllegalArgumentException("context must be >= 8, got " + context);
    }
    int[] msg = tok.encode(normalize(message));
    int msgLen = Math.min(msg.length, context / 2);
    int[] out = new int[context];
    int n = 0;
    out[n++] = BpeTokenizer.BOS;
    int budget = context - 3 - msgLen;
    if (facts != null) {
      for (String fact : facts) {
        if (fact == null || budget < 2) {
          continue;
        }
        int[] f = tok.encode(normalize(fact));
        int take = Math.min(f.length, budget - 1);
        out[n++] = BpeTokenizer.FACT;
        System.arraycopy(f, 0, out, n, take);
        n += take;
        budget -= take + 1;
      }
    }
    out[n++] = BpeTokenizer.MSG;
    System.arraycopy(msg, msg.length - msgLen, out, n, msgLen);
    n += msgLen;
    out[n++] = BpeTokenizer.CLS;
    int[] ids = new int[n];
    System.arraycopy(out, 0, ids, 0, n);
    return ids;
  }
}
