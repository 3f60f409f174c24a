package dev.engram.suite;

import java.util.List;

/**
 * One question of the suite, with the facts observed (in order) into a fresh scope before it is asked.
 *
 * @param id unique id; a question of a shared-facts group gets its group id plus {@code #n}
 * @param category the data file's category
 * @param file the data file it came from, for error messages
 * @param facts texts passed to {@code observe}, one call each, in order (a text may hold several sentences)
 * @param op what is asked: get, recallValue, chain or recall
 * @param ask the question, or for chain the expression {@code "A -> rel -> rel"}
 * @param accept accepted answers, or {@code null} when memory must abstain
 * @param path for chain, the expected path (start then each hop's value), or {@code null} to not check it
 * @param k for recall, how many facts to ask for
 */
record SuiteCase(
    String id,
    String category,
    String file,
    List<String> facts,
    Op op,
    String ask,
    List<String> accept,
    List<String> path,
    int k) {

  /** The engine operation a case exercises. */
  enum Op {
    GET("get"),
    RECALL_VALUE("recallValue"),
    CHAIN("chain"),
    RECALL("recall");

    final String jsonName;

    Op(String jsonName) {
      this.jsonName = jsonName;
    }

    static Op fromJson(String name, String where) {
      for (Op op : values()) {
        if (op.jsonName.equals(name)) {
          return op;
        }
      }
      throw new IllegalArgumentException(where + ": unknown op \"" + name + "\" (get, recallValue, chain, recall)");
    }
  }

  boolean answerable() {
    return accept != null;
  }
}
