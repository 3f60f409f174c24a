package dev.engram.neuron;

import dev.engram.Answer;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Tokens;

/**
 * Routes one turn: recall the facts memory holds about the message, let the {@link Router} read facts
 * plus message, and act on its decision.
 *
 * <ul>
 *   <li>{@link Route#ANSWER}: the value comes from {@link Engram#recallValue}, never from the model,
 *       widened to the whole value its fact states ({@link ValueSpan}: "seat 14C", "4 years old",
 *       "peanuts and shellfish"). If memory abstains there is nothing grounded to serve, so the turn
 *       becomes ESCALATE.
 *   <li>{@link Route#STORE}: the message is observed into the scope; the value is the stored text. A
 *       statement dressed as a question ("did you know my dog is called Rex?") is stored with its
 *       final question mark made a full stop, since memory does not store questions.
 *   <li>{@link Route#FETCH}, {@link Route#ESCALATE}: no value; the host goes to the web or to a larger
 *       model.
 * </ul>
 *
 * <p>The router and memory decide together: an ESCALATE of the router, or a STORE of a wh-question (see
 * {@link #isWhQuestion}), becomes ANSWER when memory holds the answer with confidence {@link
 * #MEMORY_SURE} or more; a STORE of a bare noun-phrase question ("the bike lock code?", see {@link
 * #isBareQuestion}) takes the router's next route instead; a FETCH or STORE of a request for know-how or
 * work ("how do I ...", "any tips ...", "Summarise ...", see {@link #isKnowHow}) becomes ESCALATE; a STORE
 * of a request to look something up ("check whether ...", see {@link #isLookup}) becomes FETCH; and a
 * STORE of a request for work
 * ("translate …", "draft …", see {@link #isRequestForWork}) becomes ESCALATE.
 *
 * <p>Confidence is the router's temperature-calibrated probability of the decided route; for an
 * ANSWER turned ESCALATE it is p(ANSWER) + p(ESCALATE), the chance the turn is a question memory was
 * meant to hold; for an ESCALATE turned ANSWER it is memory's answer confidence. A host falls back (asks its own model) below a threshold of its choosing.
 *
 * <p>The dispatcher uses only the {@link Engram} facade (recall, recallValue, observe), so it works
 * over any memory engine behind it. Not thread-safe.
 */
public final class Dispatcher {
  /**
   * One routing decision.
   *
   * @param route what to do with the turn
   * @param value ANSWER: the recalled value; STORE: the text stored; otherwise null
   * @param facts the facts the router read, best first
   * @param confidence calibrated probability in 0..1 that {@code route} is right
   */
  public record Decision(Route route, String value, String[] facts, double confidence) {
    @Override
    public String toString() {
      return "Decision[route=" + route + ", value=" + value + ", facts=" + java.util.Arrays.toString(facts)
          + ", confidence=" + confidence + "]";
    }
  }

  /**
   * Memory's answer confidence above which a turn the router would ESCALATE (or STORE, when the turn is
   * a wh-question) is answered from memory instead: ANSWER means "memory holds it", and memory's
   * confidence is calibrated on the memory suite (answers at 0.85 or more were right 99.2% of the time),
   * while the router only sees three facts through a small model. FETCH is never overridden: a
   * live-world question is not answered from stored facts, however sure memory is.
   */
  public static final double MEMORY_SURE = 0.9;

  /** Facts recalled for the router: its context budget fits about three. */
  public static final int DEFAULT_RECALL_K = 3;

  private static Dispatcher shipped;

  private final Router router;
  private final int recallK;

  public Dispatcher(Router router, int recallK) {
    if (router == null) {
      throw new IllegalArgumentException("router is required");
    }
    Limits.checkK(recallK);
    this.router = router;
    this.recallK = recallK;
  }

  /**
   * "Translate 'good morning' into Portuguese", "Draft an email to my landlord": an imperative request
   * for work, which a bigger model does; memory has nothing to store from it. A message that also says
   * to remember or note something is a memory instruction and stays STORE.
   */
  static boolean isRequestForWork(String message) {
    return isRequestForWork(Tokens.of(message));
  }

  private static boolean isRequestForWork(Tokens t) {
    return t.size > 0 && Lexicon.REQUEST_VERBS.contains(t.norm[0]) && !mentionsMemory(t);
  }

  /**
   * "and staging, what region is that?", "what was the name of that restaurant": a wh-question (it
   * opens with a wh-word, or holds one and ends with a question mark) that is no memory instruction. The
   * router may read such a turn as STORE, but a question states nothing to store: it is answered when
   * memory is sure of the answer, and escalated otherwise.
   */
  static boolean isWhQuestion(String message) {
    return isWhQuestion(message, Tokens.of(message));
  }

  private static boolean isWhQuestion(String message, Tokens t) {
    if (t.size == 0 || mentionsMemory(t)) {
      return false;
    }
    if (!message.trim().endsWith("?")) {
      return Questions.isWhWord(t.norm[0]);
    }
    for (int i = 0; i < t.size; i++) {
      if (Questions.isWhWord(t.norm[i])) {
        return true;
      }
    }
    return false;
  }

  /** Verbs that ask for something to be made or worked out: a request for a larger model's work. */
  private static final java.util.HashSet<String> WORK_VERBS = new java.util.HashSet<>(java.util.Arrays.asList(
      "write", "draft", "translate", "summarise", "summarize", "explain", "recommend", "suggest", "compose",
      "rewrite", "rephrase", "brainstorm", "outline", "describe", "compare", "plan", "teach", "proofread", "debug",
      "design", "help"));

  /** Openers a turn may carry before what it asks: "hey, how do I ...", "quick question: what should I ...". */
  private static final java.util.HashSet<String> OPENERS = new java.util.HashSet<>(java.util.Arrays.asList(
      "hey", "hi", "so", "ok", "okay", "um", "hmm", "quick", "question", "please", "and", "also", "btw", "well"));

  /**
   * "how do I stop the mirror steaming up", "what's the best way to learn to swim", "any tips for ...",
   * "which is better, rice or quinoa", "Summarise ...": a request for know-how, judgement or work. Such a
   * turn asks nothing of the live world and states nothing to store, whatever time word it carries
   * ("what should I cook tonight"), so a FETCH or STORE of the router becomes ESCALATE.
   */
  static boolean isKnowHow(String message) {
    return isKnowHow(Tokens.of(message));
  }

  private static boolean isKnowHow(Tokens t) {
    int i = 0;
    while (i < t.size && OPENERS.contains(t.norm[i])) {
      i++;
    }
    if (i >= t.size || mentionsMemory(t)) {
      return false;
    }
    String w0 = t.norm[i];
    String w1 = i + 1 < t.size ? t.norm[i + 1] : "";
    String w2 = i + 2 < t.size ? t.norm[i + 2] : "";
    String w3 = i + 3 < t.size ? t.norm[i + 3] : "";
    boolean person = w2.equals("i") || w2.equals("we") || w2.equals("you");
    return WORK_VERBS.contains(w0)
        || (w0.equals("how") && (w1.equals("do") || w1.equals("can") || w1.equals("should") || w1.equals("would")) && person)
        || (w0.equals("what") && w1.equals("should") && (w2.equals("i") || w2.equals("we")))
        || (w0.equals("what") && w1.equals("is") && w2.equals("the") && (w3.equals("best") || w3.equals("difference")))
        || (w0.equals("best") && w1.equals("way"))
        || (w0.equals("any") && (w1.equals("tips") || w1.equals("advice") || w1.equals("ideas") || w1.equals("suggestions")))
        || (w0.equals("tips") && (w1.equals("for") || w1.equals("on")))
        || (w0.equals("which") && w1.equals("is") && (w2.equals("better") || w2.equals("healthier") || w2.equals("best")))
        || (w0.equals("is") && w1.equals("it") && (w2.equals("better") || w2.equals("worth")));
  }

  /**
   * "Check whether the ferry is cancelled", "find out if the pool is open", "look up the score": a request
   * to look something up, which memory has nothing to store from; the router's STORE becomes FETCH. A
   * message that also says to remember or note something stays STORE.
   */
  static boolean isLookup(String message) {
    return isLookup(Tokens.of(message));
  }

  private static boolean isLookup(Tokens t) {
    int i = 0;
    while (i < t.size && (OPENERS.contains(t.norm[i]) || t.norm[i].equals("can") || t.norm[i].equals("could")
        || t.norm[i].equals("you"))) {
      i++;
    }
    if (i >= t.size || mentionsMemory(t)) {
      return false;
    }
    String w0 = t.norm[i];
    String w1 = i + 1 < t.size ? t.norm[i + 1] : "";
    return w0.equals("check") || w0.equals("search") || w0.equals("google")
        || (w0.equals("find") && w1.equals("out")) || (w0.equals("look") && w1.equals("up"))
        || (w0.equals("see") && (w1.equals("if") || w1.equals("whether")));
  }

  /** Verbs of being, doing and having, modals, and subject pronouns: any of them makes a clause. */
  private static final java.util.HashSet<String> CLAUSE_WORDS = new java.util.HashSet<>(java.util.Arrays.asList(
      "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "will", "would",
      "can", "could", "should", "shall", "may", "might", "must", "i", "you", "we", "he", "she", "they", "it"));

  /**
   * "the bike lock code?", "latest on the hurricane?": a bare noun phrase with a question mark, no
   * verb and no subject. It names what is asked for and states nothing, so it is never stored. A
   * statement dressed as a question ("my dog is called Rex?", "did you know ...?") has a verb.
   */
  static boolean isBareQuestion(String message) {
    return isBareQuestion(message, Tokens.of(message));
  }

  private static boolean isBareQuestion(String message, Tokens t) {
    if (t.size == 0 || !message.trim().endsWith("?") || mentionsMemory(t)) {
      return false;
    }
    for (int i = 0; i < t.size; i++) {
      if (CLAUSE_WORDS.contains(t.norm[i]) || Lexicon.VERB.contains(t.norm[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentionsMemory(Tokens t) {
    for (int i = 0; i < t.size; i++) {
      switch (t.norm[i]) {
        case "remember", "note", "save", "store", "forget", "fyi" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /** The dispatcher over the shipped router (loaded from the class path once). */
  public static Dispatcher shipped() {
    if (shipped == null) {
      shipped = new Dispatcher(Router.shipped(), DEFAULT_RECALL_K);
    }
    return shipped;
  }

  public Router router() {
    return router;
  }

  /** Routes one turn with the shipped router ({@link #shipped()}); see the class doc. */
  public static Decision route(Engram engram, String scope, String message) {
    return shipped().decide(engram, scope, message);
  }

  /** How a STORE turn writes its fact: the plain engine observes directly; a durable host logs first. */
  @FunctionalInterface
  public interface Writer {
    /** Stores {@code text} in {@code scope}; returns the number of facts stored. */
    int observe(String scope, String text) throws java.io.IOException;
  }

  /** Routes one turn with this dispatcher's router; see the class doc. */
  public Decision decide(Engram engram, String scope, String message) {
    try {
      return decide(engram, scope, message, engram == null ? null : engram::observe);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the engine's own observe does no I/O", e);
    }
  }

  /** {@link #decide(Engram, String, String)}, writing a STORE's fact through {@code writer}. */
  public Decision decide(Engram engram, String scope, String message, Writer writer) throws java.io.IOException {
    if (engram == null) {
      throw new IllegalArgumentException("engram is required");
    }
    Limits.checkQuestion(message);
    if (message.trim().isEmpty()) {
      throw new IllegalArgumentException("message must not be empty");
    }
    String[] facts = engram.recall(scope, message, recallK);
    float[] p = router.probabilities(facts, message);
    Route route = Route.values()[Router.argmax(p)];
    Tokens words = route == Route.STORE ? Tokens.of(message) : null;
    boolean whQuestion = words != null && isWhQuestion(message, words);
    if (words != null && !whQuestion && isBareQuestion(message, words)) {
      // "the bike lock code?", "latest on the hurricane?": it asks, so it is not stored; the router's
      // next choice decides what kind of question it is
      float rest = 1f - p[Route.STORE.ordinal()];
      p[Route.STORE.ordinal()] = 0f;
      for (int k = 0; k < p.length && rest > 0f; k++) {
        p[k] /= rest; // confidence among the routes left
      }
      route = Route.values()[Router.argmax(p)];
    }
    if (words != null && isLookup(words)) {
      return new Decision(Route.FETCH, null, facts, p[Route.STORE.ordinal()] + p[Route.FETCH.ordinal()]);
    }
    if ((route == Route.FETCH || route == Route.STORE) && isKnowHow(words != null ? words : Tokens.of(message))) {
      return new Decision(Route.ESCALATE, null, facts, p[route.ordinal()] + p[Route.ESCALATE.ordinal()]);
    }
    if (route == Route.ESCALATE || whQuestion) {
      Answer a = engram.recallValue(scope, message);
      if (a.value() != null && a.confidence() >= MEMORY_SURE) {
        return new Decision(Route.ANSWER, ValueSpan.widen(a.value(), a.fact(), message), facts, a.confidence());
      }
    }
    if (whQuestion || (words != null && isRequestForWork(words))) {
      return new Decision(Route.ESCALATE, null, facts, p[Route.STORE.ordinal()] + p[Route.ESCALATE.ordinal()]);
    }
    switch (route) {
      case ANSWER -> {
        Answer a = engram.recallValue(scope, message);
        if (a.value() == null) {
          return new Decision(Route.ESCALATE, null, facts,
              p[Route.ANSWER.ordinal()] + p[Route.ESCALATE.ordinal()]);
        }
        return new Decision(Route.ANSWER, ValueSpan.widen(a.value(), a.fact(), message), facts, p[Route.ANSWER.ordinal()]);
      }
      case STORE -> {
        String text = message.trim();
        int stored = writer.observe(scope, text);
        if (stored == 0 && text.endsWith("?")) {
          text = text.substring(0, text.length() - 1).trim() + ".";
          stored = writer.observe(scope, text);
        }
        return new Decision(Route.STORE, stored > 0 ? text : null, facts, p[Route.STORE.ordinal()]);
      }
      default -> {
        return new Decision(route, null, facts, p[route.ordinal()]);
      }
    }
  }
}
