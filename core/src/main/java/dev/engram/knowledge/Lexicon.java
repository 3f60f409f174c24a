package dev.engram.knowledge;

import java.util.HashMap;
import java.util.HashSet;

/**
 * The rule extractor's English lexicon: verbs (base forms, with regular inflections derived and
 * irregular ones listed), auxiliaries, prepositions, pronouns and clause words. Data only; the
 * parsing is in {@link RuleExtractor}. Two tiers of verbs: the hand-written list, trusted in any verb
 * position, and WordNet's ({@link WordNetVerbs}), which the extractor trusts only where a noun cannot
 * stand ({@link #isListed}, {@link #isNounish}). A word in neither is not guessed, except in the one
 * strong pattern {@code RuleExtractor.guessedVerb} describes.
 */
final class Lexicon {
  private Lexicon() {}

  private static final String[] VERBS = {
    "absorb", "accept", "add", "affect", "allow", "amplify", "answer", "appear", "arrive", "attach",
    "attack", "attract", "avoid", "bake", "balance", "bind", "block", "boil", "borrow", "bounce", "brew",
    "build", "burn", "buy", "calculate", "call", "carry", "carve", "cast", "catch", "cause", "celebrate",
    "change", "charge", "check", "chime", "choose", "clean", "close", "collect", "color", "combine",
    "compare", "compress", "compute", "connect", "consist", "contain", "control", "convert", "cook",
    "cool", "copy", "cover", "create", "cross", "crush", "cure", "cut", "damage", "decode", "decide",
    "defend", "define", "deliver", "depend", "deposit", "describe", "design", "destroy", "detect",
    "determine", "develop", "dig", "dissolve", "divide", "drain", "draw", "drink", "drive", "drop", "dry",
    "dye", "eat", "emit", "enable", "encode", "end", "enter", "erode", "escape", "exchange", "execute",
    "expand", "explain", "export", "fade", "feed", "ferment", "fill", "filter", "find", "fire", "fix",
    "float", "flood", "flow", "fly", "fold", "follow", "forge", "form", "found", "freeze", "fuel", "gather",
    "generate", "give", "glow", "govern", "grind", "grow", "guard", "guide", "harden", "harvest", "heal",
    "heat", "help", "hide", "hold", "honor", "host", "house", "hum", "hunt", "identify", "ignite", "import",
    "improve", "include", "increase", "index", "infect", "inspect", "invent", "irrigate", "join", "keep",
    "kill", "know", "lay", "lead", "learn", "leave", "lift", "light", "limit", "line", "link", "live",
    "load", "lock", "lose", "lower", "maintain", "make", "manage", "mark", "measure", "melt", "migrate",
    "mine", "mix", "monitor", "move", "navigate", "need", "nest", "offer", "open", "operate", "orbit",
    "organize", "own", "paint", "pass", "pay", "perform", "pick", "place", "plant", "play", "poison",
    "polish", "pollinate", "power", "predict", "prefer", "prepare", "preserve", "press", "prevent",
    "process", "produce", "protect", "provide", "pull", "pump", "purify", "push", "raise", "reach", "read",
    "receive", "record", "reduce", "reflect", "refract", "regulate", "release", "remove", "repair",
    "repel", "replace", "represent", "require", "resonate", "rest", "restore", "return", "reveal",
    "ring", "rise", "roast", "rotate", "rule", "run", "sail", "save", "scatter", "seal", "see", "sell",
    "send", "sense", "separate", "serve", "shape", "share", "shelter", "shield", "shine", "show",
    "signal", "sing", "sink", "slow", "smoke", "soften", "solve", "sort", "spin", "split", "spread",
    "stabilize", "steer", "store", "strengthen", "study", "supply", "support", "surround", "survive",
    "sweep", "swim", "take", "teach", "tell", "test", "thicken", "tie", "track", "trade", "train",
    "transform", "translate", "transmit", "transport", "trap", "travel", "treat", "trigger", "tune",
    "turn", "unlock", "use", "vibrate", "warm", "warn", "wash", "watch", "water", "wear", "weave",
    "weigh", "win", "wind", "work", "worship", "wrap", "write", "yield", "get", "put", "set", "come",
    "go", "begin", "become", "bring", "mean", "sleep", "feel", "fall", "bear", "shake", "stick", "strike",
    "hang", "think", "fight", "seek", "speak", "steal", "swell", "tear", "throw", "wake", "hear", "meet",
    "sit", "stand", "understand", "ferry", "smelt", "tan", "knit", "spool", "herd", "graze", "grazes",
    "resemble", "contribute", "originate", "belong", "outlast", "settle", "anchor", "quantize", "compete",
    "last", "bait", "threaten", "matter", "round", "shrink", "shed", "talk", "say", "break", "calm", "bloom",
    "lick", "dredge", "rotate", "correct", "grant", "receive", "weigh", "hang", "rake", "stamp", "trace",
    "score", "defend", "strike", "watch", "brew", "drink", "award", "melt", "sow", "reap", "propose",
    "report", "measure", "train", "apply", "name", "spawn", "graze", "glow", "shine", "starve", "climb",
    "wait", "wade", "hunt", "eat", "rise", "swell", "believe", "appear", "close", "plan", "stay", "raise",
    "lay", "spend", "visit", "admire", "forbid", "permit", "ban", "gain", "reinforce", "compete", "track"
  };

  /** Irregular past / participle forms mapped to their base. */
  private static final String[][] IRREGULAR = {
    {"made", "make"}, {"built", "build"}, {"held", "hold"}, {"fed", "feed"}, {"ate", "eat"}, {"eaten", "eat"},
    {"grew", "grow"}, {"grown", "grow"}, {"drove", "drive"}, {"driven", "drive"}, {"kept", "keep"},
    {"sent", "send"}, {"led", "lead"}, {"found", "find"}, {"gave", "give"}, {"given", "give"},
    {"took", "take"}, {"taken", "take"}, {"brought", "bring"}, {"bought", "buy"}, {"sold", "sell"},
    {"taught", "teach"}, {"wrote", "write"}, {"written", "write"}, {"ran", "run"}, {"spun", "spin"},
    {"lit", "light"}, {"wove", "weave"}, {"woven", "weave"}, {"froze", "freeze"}, {"frozen", "freeze"},
    {"spoke", "speak"}, {"spoken", "speak"}, {"sang", "sing"}, {"sung", "sing"}, {"rang", "ring"},
    {"rung", "ring"}, {"knew", "know"}, {"known", "know"}, {"saw", "see"}, {"seen", "see"},
    {"became", "become"}, {"began", "begin"}, {"begun", "begin"}, {"came", "come"}, {"went", "go"},
    {"gone", "go"}, {"got", "get"}, {"gotten", "get"}, {"laid", "lay"}, {"paid", "pay"}, {"slept", "sleep"},
    {"meant", "mean"}, {"left", "leave"}, {"lost", "lose"}, {"felt", "feel"}, {"rose", "rise"},
    {"risen", "rise"}, {"fell", "fall"}, {"fallen", "fall"}, {"bore", "bear"}, {"borne", "bear"},
    {"shone", "shine"}, {"hid", "hide"}, {"hidden", "hide"}, {"bound", "bind"}, {"wound", "wind"},
    {"dug", "dig"}, {"stuck", "stick"}, {"struck", "strike"}, {"hung", "hang"}, {"won", "win"},
    {"thought", "think"}, {"caught", "catch"}, {"fought", "fight"}, {"sought", "seek"}, {"stole", "steal"},
    {"stolen", "steal"}, {"shook", "shake"}, {"shaken", "shake"}, {"threw", "throw"}, {"thrown", "throw"},
    {"tore", "tear"}, {"torn", "tear"}, {"woke", "wake"}, {"heard", "hear"}, {"met", "meet"}, {"sat", "sit"},
    {"stood", "stand"}, {"understood", "understand"}, {"flew", "fly"}, {"flown", "fly"}, {"drew", "draw"},
    {"drawn", "draw"}, {"drank", "drink"}, {"drunk", "drink"}, {"sank", "sink"}, {"sunk", "sink"},
    {"swam", "swim"}, {"wore", "wear"}, {"worn", "wear"}, {"told", "tell"}, {"chose", "choose"},
    {"chosen", "choose"}, {"ground", "grind"}, {"swollen", "swell"}, {"shown", "show"}, {"sewn", "sew"},
    {"shrank", "shrink"}, {"shrunk", "shrink"}, {"broke", "break"}, {"broken", "break"}, {"said", "say"}
  };

  /**
   * Verbs that ask about the same kind of link, for the question-verb boost of recall: "What do the
   * herders give the founders?" is answered by "herders sell felt to the founders". One class per row.
   */
  private static final String[][] VERB_CLASSES = {
    {"give", "sell", "buy", "trade", "supply", "provide", "send", "deliver", "get", "receive", "take",
        "load", "carry", "bring", "offer", "exchange", "pay", "import", "export", "share"},
    {"make", "produce", "create", "build", "brew", "bake", "cast", "weave", "forge", "generate", "form",
        "press", "grind", "melt", "cook"},
    {"use", "need", "require", "depend", "polish", "apply", "employ", "burn", "fuel", "power", "feed"},
    {"eat", "hunt", "catch", "prey", "graze", "drink", "trap", "kill"},
    {"protect", "shelter", "guard", "shield", "defend", "house", "cover", "surround"},
    {"live", "nest", "settle", "stay", "inhabit", "migrate", "return", "move", "travel"},
    {"light", "glow", "shine", "burn", "illuminate"},
    {"reduce", "compress", "shrink", "quantize", "lower", "limit", "cut"},
    {"track", "watch", "record", "measure", "monitor", "observe", "predict"},
    {"write", "record", "mark", "stamp", "sign"}
  };

  /** Verbs that take an indirect and a direct object with no preposition ("bring the keepers rope"). */
  private static final String[] TWO_OBJECTS = {
    "give", "bring", "send", "sell", "pay", "offer", "hand", "lend", "owe", "show", "teach", "promise",
    "award", "grant", "leave", "feed", "buy", "serve", "deliver", "supply"
  };

  private static final String[] BE = {"is", "are", "was", "were", "be", "been", "being", "am"};
  private static final String[] HAVE = {"has", "have", "had", "having"};
  private static final String[] MODALS = {
    "can", "could", "will", "would", "may", "might", "must", "should", "shall", "does", "do", "did", "cannot"
  };
  /** Plural nouns without an -s: a bare verb after one is still a verb ("the people catch eels"). */
  private static final String[] IRREGULAR_PLURALS = {
    "people", "men", "women", "children", "fish", "sheep", "geese", "mice", "teeth", "feet", "cattle",
    "police", "oxen", "deer", "folk", "data", "media", "criteria", "phenomena", "bacteria", "alumni"
  };
  private static final String[] PREPOSITIONS = {
    "of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "to", "through", "during", "under",
    "over", "across", "between", "among", "after", "before", "near", "inside", "outside", "along",
    "around", "behind", "beneath", "beyond", "against", "toward", "towards", "within", "without", "about",
    "as", "like", "via", "per", "until", "upon", "off", "past"
  };
  private static final String[] PRONOUNS = {
    "it", "they", "this", "these", "those", "he", "she", "we", "you", "i", "them", "him", "her", "us", "one"
  };
  private static final String[] CLAUSE_WORDS = {
    "which", "who", "that", "where", "when", "while", "because", "although", "though", "since", "if",
    "unless", "whereas", "so", "but", "then", "once", "whom", "whose", "yet"
  };
  private static final String[] ADVERBS = {
    "also", "often", "usually", "always", "only", "still", "just", "really", "mainly", "then", "now",
    "first", "later", "even", "already", "sometimes", "generally", "typically", "mostly", "largely",
    "actually", "basically", "again", "together", "too", "very", "once", "twice", "each", "all", "both"
  };
  private static final String[] FILLER_STARTS = {
    "so", "and", "but", "well", "now", "also", "then", "basically", "actually", "okay", "ok", "yes",
    "right", "however", "moreover", "furthermore", "besides", "finally", "today", "anyway", "and so",
    "meanwhile", "instead", "thus", "therefore", "indeed", "still"
  };

  /** Verbs: the hand-written list (tried on this project's texts) plus WordNet's ({@link WordNetVerbs}). */
  private static final HashSet<String> VERB_SET = set(VERBS);
  /** The hand-written verbs alone: words tried on this project's texts, trusted in any verb position. */
  private static final HashSet<String> LISTED_SET = set(VERBS);
  /** WordNet verbs its corpus tags more often as nouns, unless the hand-written list vouches for them. */
  private static final HashSet<String> NOUNISH_SET = new HashSet<>();
  private static final HashMap<String, String> IRREGULAR_MAP = new HashMap<>();
  private static final HashSet<String> TWO_OBJECTS_SET = set(TWO_OBJECTS);
  private static final HashSet<String> BE_SET = set(BE);
  private static final HashSet<String> HAVE_SET = set(HAVE);
  private static final HashSet<String> MODAL_SET = set(MODALS);
  private static final HashSet<String> PREP_SET = set(PREPOSITIONS);
  private static final HashSet<String> PRONOUN_SET = set(PRONOUNS);
  private static final HashSet<String> CLAUSE_SET = set(CLAUSE_WORDS);
  private static final HashSet<String> ADVERB_SET = set(ADVERBS);
  private static final HashSet<String> FILLER_SET = set(FILLER_STARTS);
  private static final HashSet<String> IRREGULAR_PLURAL_SET = set(IRREGULAR_PLURALS);

  static boolean isPluralWithoutS(String w) {
    return IRREGULAR_PLURAL_SET.contains(w);
  }

  private static final HashMap<String, int[]> VERB_CLASS_MAP = new HashMap<>();

  static {
    addWords(WordNetVerbs.VERBS, VERB_SET);
    addWords(WordNetVerbs.NOUNISH, NOUNISH_SET);
    NOUNISH_SET.removeAll(VERB_SET);
    VERB_SET.addAll(NOUNISH_SET);
    for (String[] pair : IRREGULAR) {
      IRREGULAR_MAP.put(pair[0], pair[1]);
      LISTED_SET.add(pair[1]); // an irregular verb was written here by hand, so it is vouched for too
    }
    for (int c = 0; c < VERB_CLASSES.length; c++) {
      for (String v : VERB_CLASSES[c]) {
        int[] old = VERB_CLASS_MAP.get(v);
        int[] now = old == null ? new int[] {c} : java.util.Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = c;
        VERB_CLASS_MAP.put(v, now);
      }
    }
  }

  /** The classes of a base verb (see VERB_CLASSES); empty when it has none. */
  static int[] verbClasses(String base) {
    int[] c = VERB_CLASS_MAP.get(base);
    return c == null ? new int[0] : c;
  }

  private static void addWords(String spaced, HashSet<String> into) {
    int start = 0;
    for (int i = 0; i <= spaced.length(); i++) {
      if (i == spaced.length() || spaced.charAt(i) == ' ') {
        if (i > start) {
          into.add(spaced.substring(start, i));
        }
        start = i + 1;
      }
    }
  }

  /** Does this base verb take two objects without a preposition ("give the families bottles")? */
  static boolean takesTwoObjects(String base) {
    return base != null && TWO_OBJECTS_SET.contains(base);
  }

  /** Is this base verb in the hand-written list (rather than only in WordNet's)? */
  static boolean isListed(String base) {
    return LISTED_SET.contains(base);
  }

  /** Is this base verb more often a noun ("post", "score", "track")? Its -s form then needs a verb's position. */
  static boolean isNounish(String base) {
    return NOUNISH_SET.contains(base);
  }

  private static HashSet<String> set(String[] words) {
    HashSet<String> s = new HashSet<>();
    for (String w : words) {
      s.add(w);
    }
    return s;
  }

  static boolean isBe(String w) {
    return BE_SET.contains(w);
  }

  static boolean isHave(String w) {
    return HAVE_SET.contains(w);
  }

  static boolean isModal(String w) {
    return MODAL_SET.contains(w);
  }

  static boolean isPreposition(String w) {
    return PREP_SET.contains(w);
  }

  static boolean isPronoun(String w) {
    return PRONOUN_SET.contains(w);
  }

  static boolean isClauseWord(String w) {
    return CLAUSE_SET.contains(w);
  }

  static boolean isAdverb(String w) {
    return ADVERB_SET.contains(w) || (w.length() > 4 && w.endsWith("ly") && !w.equals("supply")
        && !w.equals("apply") && !w.equals("family") && !w.equals("assembly") && !w.equals("jelly"));
  }

  static boolean isFillerStart(String w) {
    return FILLER_SET.contains(w);
  }

  /** Verb form of a word. */
  enum Form { BASE, THIRD, PAST, ING, NONE }

  /** The base form of a verb word, or null when the word is not a known verb form. */
  static String base(String w) {
    String b = knownBase(w);
    if (b != null) {
      return b;
    }
    // British spellings of the lexicon's American ones: "coloured" -> "colored", "organised" -> "organized"
    String american = w.replace("our", "or");
    int ise = american.lastIndexOf("is");
    if (ise > 2 && (american.endsWith("ise") || american.endsWith("ised") || american.endsWith("ises")
        || american.endsWith("ising"))) {
      american = american.substring(0, ise) + "iz" + american.substring(ise + 2);
    }
    return american.equals(w) ? null : knownBase(american);
  }

  private static String knownBase(String w) {
    if (LISTED_SET.contains(w)) {
      return w;
    }
    String irr = IRREGULAR_MAP.get(w);
    if (irr != null) {
      return irr; // "ground" is grind's past before it is WordNet's verb "ground"
    }
    if (VERB_SET.contains(w)) {
      return w;
    }
    int n = w.length();
    if (n < 4) {
      return null;
    }
    String[] candidates;
    if (w.endsWith("ies")) {
      candidates = new String[] {w.substring(0, n - 3) + "y"};
    } else if (w.endsWith("es")) {
      candidates = new String[] {w.substring(0, n - 2), w.substring(0, n - 1)};
    } else if (w.endsWith("s")) {
      candidates = new String[] {w.substring(0, n - 1)};
    } else if (w.endsWith("ied")) {
      candidates = new String[] {w.substring(0, n - 3) + "y"};
    } else if (w.endsWith("ed")) {
      candidates = new String[] {w.substring(0, n - 2), w.substring(0, n - 1), undouble(w.substring(0, n - 2))};
    } else if (w.endsWith("ing")) {
      String stem = w.substring(0, n - 3);
      candidates = new String[] {stem, stem + "e", undouble(stem)};
    } else {
      return null;
    }
    for (String c : candidates) {
      if (c != null && VERB_SET.contains(c)) {
        return c;
      }
    }
    return null;
  }

  static Form form(String w) {
    String b = base(w);
    if (b == null) {
      return Form.NONE;
    }
    if (b.equals(w)) {
      return Form.BASE;
    }
    if (IRREGULAR_MAP.containsKey(w) || w.endsWith("ed")) {
      return Form.PAST;
    }
    if (w.endsWith("ing")) {
      return Form.ING;
    }
    return Form.THIRD;
  }

  private static String undouble(String stem) {
    int n = stem.length();
    if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2)) {
      return stem.substring(0, n - 1);
    }
    return null;
  }

  /** Third person singular present: "use" -> "uses", "carry" -> "carries", "push" -> "pushes". */
  static String third(String base) {
    int n = base.length();
    if (base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch") || base.endsWith("sh")
        || base.equals("go") || base.equals("do")) {
      return base + "es";
    }
    if (n > 1 && base.charAt(n - 1) == 'y' && "aeiou".indexOf(base.charAt(n - 2)) < 0) {
      return base.substring(0, n - 1) + "ies";
    }
    if (base.equals("have")) {
      return "has";
    }
    return base + "s";
  }
}
