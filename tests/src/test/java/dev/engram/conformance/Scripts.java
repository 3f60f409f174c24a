package dev.engram.conformance;

import dev.engram.Engram;
import dev.engram.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The operation scripts every runtime replays: hand-written cases (each operation, unicode, scopes never
 * written, and every argument error) followed by seeded random scripts. Each script works in scopes of
 * its own, so all of them run in order over one memory, as they do in one wasm instance.
 */
final class Scripts {
  private static final String[] ENTITIES = {
    "Aurora", "Borealis", "Kim Lee", "Ana Ruiz", "Zoë Ølberg", "the payments service", "Project Nimbus",
    "Tokyo office", "Marek", "the staging cluster", "Søren", "Priya Nair", "東京", "the mobile app"
  };
  private static final String[] ATTRIBUTES = {
    "owner", "manager", "timezone", "deploy region", "color", "budget", "language", "lead", "home city",
    "database", "favorite tea", "oncall rotation"
  };
  private static final String[] VALUES = {
    "us-west-2", "eu-central-1", "Kim Lee", "Ana Ruiz", "Marek", "UTC+9", "PST", "blue", "green",
    "42000 euros", "Rust", "Kotlin", "Lisbon", "PostgreSQL 16", "sencha", "weekly", "Priya Nair", "🚀 rocket"
  };
  private static final String[] NOISE = {
    "Nothing else happened today.", "Is the build green?", "We met on Tuesday.",
    "The weather was mild and the meeting ran long.", "Remember to rotate the keys!", "   ", ""
  };

  /** 2026-01-01T00:00Z: the time the scripts pin the clock to, so plastic strength is the same everywhere. */
  static final long T0 = 1_767_225_600_000L;
  /** MemoryConfig.DEFAULT's half-life (a week), to move the clock by whole and fractional half-lives. */
  static final long HALF_LIFE = 7L * 24 * 3600 * 1000;

  private Scripts() {}

  static List<Step> all(long seed) {
    List<Step> steps = new ArrayList<>(handWritten());
    Random random = new Random(seed);
    for (int script = 0; script < 8; script++) {
      steps.addAll(randomScript(random, script));
    }
    return steps;
  }

  static List<Step> handWritten() {
    List<Step> s = new ArrayList<>();
    s.add(new Step("setClock", T0));
    String a = "user:42";
    s.add(new Step("size", a));
    s.add(new Step("get", a, "what is the deploy region?"));
    s.add(new Step("recall", a, "deploy region", 5));
    s.add(new Step("recallValue", a, "deploy region"));
    s.add(new Step("assess", a, "deploy region"));
    s.add(new Step("observe", a, "The deploy region is us-west-2."));
    s.add(new Step("observe", a, "The owner of Aurora is Kim Lee. The manager of Kim Lee is Ana Ruiz."));
    s.add(new Step("observe", a, "The timezone of Ana Ruiz is UTC+1. Who owns Borealis?"));
    s.add(new Step("observe", a, "Is this stored?"));
    s.add(new Step("observe", a, ""));
    s.add(new Step("observeMany", a, new String[] {"The api owner is Marek.", "The color of the logo is teal."}));
    s.add(new Step("observeMany", a, new String[] {}));
    s.add(new Step("size", a));
    s.add(new Step("get", a, "what's the deploy region?"));
    s.add(new Step("get", a, "what is the api key?"));
    s.add(new Step("get", a, ""));
    s.add(new Step("recall", a, "deploy region", 1));
    s.add(new Step("recall", a, "who is the owner of Aurora", 5));
    s.add(new Step("recall", a, "logo color", Limits.MAX_K));
    s.add(new Step("recallValue", a, "what is the color of the logo?"));
    s.add(new Step("recallValue", a, "what is the api key?"));
    s.add(new Step("assess", a, "what is the deploy region?"));
    s.add(new Step("assess", a, "quantum chromodynamics"));
    s.add(new Step("chain", a, "Aurora -> owner -> manager -> timezone"));
    s.add(new Step("chain", a, "Aurora -> owner -> manager"));
    s.add(new Step("chain", a, "Aurora -> owner -> favorite tea"));
    s.add(new Step("chain", a, "Nobody -> owner"));
    s.add(new Step("size", "never:written"));
    s.add(new Step("get", "never:written", "what is the deploy region?"));

    // Text outside ASCII: accents, CJK, emoji (a surrogate pair), a scope name in Japanese.
    String u = "ünï:スコープ";
    s.add(new Step("observe", u, "Der Besitzer von Ølberg ist Zoë. The mascot of 東京 is 🚀 Rocket."));
    s.add(new Step("get", u, "what is the mascot of 東京?"));
    s.add(new Step("recall", u, "Ølberg Besitzer", 3));
    s.add(new Step("size", u));
    s.add(new Step("size", "user:42 "));

    // Every argument error, with the message core gives.
    s.add(new Step("observe", "", "The sky is blue."));
    s.add(new Step("observe", null, "The sky is blue."));
    s.add(new Step("observe", new Step.Repeat("s", Limits.MAX_SCOPE_CHARS + 1), "The sky is blue."));
    s.add(new Step("observe", new Step.Repeat("s", Limits.MAX_SCOPE_CHARS), "The sky is blue."));
    s.add(new Step("observe", "tab\there", "The sky is blue."));
    s.add(new Step("observe", "del\u007f", "The sky is blue."));
    s.add(new Step("observe", a, null));
    s.add(new Step("observe", a, new Step.Repeat("x", Limits.MAX_TEXT_CHARS + 1)));
    s.add(new Step("observeMany", a, null));
    s.add(new Step("observeMany", a, new String[] {"The sky is blue.", null}));
    s.add(new Step("observeMany", a, new String[] {"fine", new Step.Repeat("y", 8).materialize()}));
    s.add(new Step("observeMany", a, new Step.Fill("x", Limits.MAX_BATCH + 1)));
    s.add(new Step("get", "", "q"));
    s.add(new Step("get", a, null));
    s.add(new Step("get", a, new Step.Repeat("q", Limits.MAX_QUESTION_CHARS + 1)));
    // Exactly at the limit, as words: one 4,096-char token takes core seconds (spelling repair is
    // quadratic in token length), which belongs in a core test, not in every runtime's replay.
    s.add(new Step("get", a, new Step.Repeat("deploy, ", Limits.MAX_QUESTION_CHARS / 8)));
    s.add(new Step("recall", a, "deploy", 0));
    s.add(new Step("recall", a, "deploy", -3));
    s.add(new Step("recall", a, "deploy", Limits.MAX_K + 1));
    s.add(new Step("recall", null, "deploy", 5));
    s.add(new Step("recallValue", a, null));
    s.add(new Step("assess", "", "deploy"));
    s.add(new Step("chain", a, "Aurora"));
    s.add(new Step("chain", a, " -> owner"));
    s.add(new Step("chain", a, "Aurora -> owner -> "));
    s.add(new Step("chain", a, null));
    s.add(new Step("size", ""));
    s.add(new Step("size", (Object) null));
    // Snapshots written by the JVM, loaded by every runtime (dump itself is not replayed: a snapshot holds
    // wall-clock use times, so its bytes differ from run to run).
    Engram source = new Engram();
    source.observeMany("snap:a", new String[] {"The owner of Nimbus is Priya Nair.", "The budget of Nimbus is 42000 euros."});
    source.observe("snap:b", "Der Besitzer von Ølberg ist Zoë 🚀.");
    byte[] one = source.dump("snap:a");
    byte[] all = source.dump(null);
    s.add(new Step("load", (Object) one));
    s.add(new Step("size", "snap:a"));
    s.add(new Step("get", "snap:a", "who is the owner of Nimbus?"));
    s.add(new Step("recall", "snap:a", "Nimbus budget", 2));
    s.add(new Step("observe", "snap:a", "The color of Nimbus is green."));
    s.add(new Step("load", (Object) all));
    s.add(new Step("size", "snap:a"));
    s.add(new Step("get", "snap:b", "Besitzer von Ølberg"));
    byte[] corrupt = one.clone();
    corrupt[corrupt.length / 2] ^= 0x10;
    s.add(new Step("load", (Object) corrupt));
    s.add(new Step("load", (Object) java.util.Arrays.copyOf(one, one.length - 3)));
    s.add(new Step("load", (Object) new byte[] {1, 2, 3}));
    // The memory is still whole after the errors.
    s.add(new Step("size", a));
    s.add(new Step("get", a, "what's the deploy region?"));
    s.addAll(evidenceNotesVarsForget());
    s.addAll(shellLines());
    return s;
  }

  /** recallScored/recallPage/assoc with evidence and plastic strength, typed notes, variables, forget, stats. */
  static List<Step> evidenceNotesVarsForget() {
    List<Step> s = new ArrayList<>();
    String o = "ops:1";
    s.add(new Step("note", o, "preference", "I prefer tea over coffee."));
    s.add(new Step("note", o, "task", "Book the venue for Friday. Send the invites. Is it booked?"));
    s.add(new Step("note", o, "Person", "Dana is the designer."));
    s.add(new Step("note", o, " event ", "The launch was on Monday."));
    s.add(new Step("note", o, "recipe", "Bake the bread."));
    s.add(new Step("note", o, null, "Bake the bread."));
    s.add(new Step("note", o, "fact", null));
    s.add(new Step("note", "", "fact", "The sky is blue."));
    s.add(new Step("observeMany", o, new String[] {
      "The owner of Aurora is Kim Lee.", "The manager of Kim Lee is Ana Ruiz.",
      "The deploy region of Aurora is us-west-2.", "The phone number of Kim Lee is 555-0100."}));
    s.add(new Step("notes", o, null, 20, null));
    s.add(new Step("notes", o, "task", 1, null));
    s.add(new Step("notes", o, "TASK", 1, "c1.1"));
    s.add(new Step("notes", o, "task", 1, "c1.2"));
    s.add(new Step("notes", "never:written", null, 5, null));
    s.add(new Step("notes", o, "recipe", 5, null));
    s.add(new Step("notes", o, null, 0, null));
    s.add(new Step("notes", o, null, 5, "bogus"));
    s.add(new Step("notes", o, null, 5, "c1.zzzzzzz"));
    s.add(new Step("notes", o, null, 5, "c1.zzzzzzzz"));
    s.add(new Step("notes", o, null, 5, "c1.lfls"));
    s.add(new Step("recallScored", o, "who owns Aurora?", 3));
    s.add(new Step("recallScored", o, "what is Kim Lee's mobile?", 2));
    s.add(new Step("recallScored", o, "deploy regoin of Aurora", 2));
    s.add(new Step("recallScored", o, "quantum chromodynamics", 2));
    s.add(new Step("recallScored", "never:written", "Aurora", 2));
    s.add(new Step("recallPage", o, "Aurora", 1, null));
    s.add(new Step("recallPage", o, "Aurora", 1, "c1.1"));
    s.add(new Step("recallPage", o, "Aurora", 1, "c1.2"));
    s.add(new Step("recallPage", o, "Aurora", 2, ""));
    s.add(new Step("recallPage", o, "Aurora", 2, "c2.1"));
    s.add(new Step("recallPage", o, "Aurora", 2, "c1.-1"));
    s.add(new Step("recallPage", o, "Aurora", Limits.MAX_K + 1, null));
    s.add(new Step("recallScored", o, "Aurora", 0));
    s.add(new Step("recallScored", null, "Aurora", 3));
    s.add(new Step("recallScored", o, null, 3));
    // Strength decays with the time since last use: two half-lives exactly, then a fraction of one.
    s.add(new Step("setClock", T0 + 2 * HALF_LIFE));
    s.add(new Step("recallScored", o, "who owns Aurora?", 2));
    s.add(new Step("setClock", T0 + 2 * HALF_LIFE + HALF_LIFE / 3));
    s.add(new Step("recallScored", o, "who owns Aurora?", 2));
    s.add(new Step("assoc", o, "Aurora", 5));
    s.add(new Step("assoc", o, "Kim Lee", 3));
    s.add(new Step("assoc", o, "", 5));
    s.add(new Step("assoc", o, "Aurora", 0));
    s.add(new Step("assoc", o, null, 5));
    s.add(new Step("assoc", "never:written", "Aurora", 5));
    // Variables: exact pairs beside the facts, listed in core's order ("10" before "9").
    s.add(new Step("setVar", o, "theme", "dark"));
    s.add(new Step("setVar", o, "10", "ten"));
    s.add(new Step("setVar", o, "9", "nine"));
    s.add(new Step("setVar", o, "emoji 🚀", "Zoë"));
    s.add(new Step("getVar", o, "theme"));
    s.add(new Step("getVar", o, "missing"));
    s.add(new Step("vars", o));
    s.add(new Step("setVar", o, "theme", "light"));
    s.add(new Step("getVar", o, "theme"));
    s.add(new Step("deleteVar", o, "theme"));
    s.add(new Step("deleteVar", o, "theme"));
    s.add(new Step("setVar", o, "", "x"));
    s.add(new Step("setVar", o, null, "x"));
    s.add(new Step("setVar", o, "n", null));
    s.add(new Step("setVar", o, new Step.Repeat("n", Limits.MAX_VAR_NAME_CHARS + 1), "x"));
    s.add(new Step("setVar", o, "n", new Step.Repeat("v", Limits.MAX_VAR_VALUE_CHARS + 1)));
    s.add(new Step("setVar", "", "n", "v"));
    s.add(new Step("getVar", o, ""));
    s.add(new Step("deleteVar", o, null));
    s.add(new Step("vars", "never:written"));
    s.add(new Step("vars", ""));
    s.add(new Step("setVar", "vars:only", "k", "v"));
    s.add(new Step("scopes"));
    s.add(new Step("stats", o));
    s.add(new Step("stats", "vars:only"));
    s.add(new Step("stats", (Object) null));
    s.add(new Step("stats", ""));
    // Forget by substring (case-insensitive), by id, and a whole scope.
    s.add(new Step("forget", o, "PHONE number"));
    s.add(new Step("forget", o, "nothing matches this"));
    s.add(new Step("forget", o, null));
    s.add(new Step("forget", o, new Step.Repeat("x", Limits.MAX_QUESTION_CHARS + 1)));
    s.add(new Step("forget", "", "x"));
    s.add(new Step("forgetId", o, 0));
    s.add(new Step("forgetId", o, 0));
    s.add(new Step("forgetId", o, -1));
    s.add(new Step("forgetId", o, 99999));
    s.add(new Step("forgetId", "never:written", 0));
    s.add(new Step("stats", o));
    s.add(new Step("recallScored", o, "Aurora", 10));
    s.add(new Step("notes", o, null, 20, null));
    s.add(new Step("forget", "never:written", ""));
    return s;
  }

  /** The shell vocabulary: one line in, one line out; errors are lines too. */
  static List<Step> shellLines() {
    List<Step> s = new ArrayList<>();
    String o = "ops:shell";
    for (String line : new String[] {
      "help", "The color of the logo is teal.", "observe The owner of Aurora is Kim Lee.",
      "remember The manager of Kim Lee is Ana Ruiz.", "what is the color of the logo?", "get logo color",
      "who is the owner of Zeta?", "recall logo -k 2", "recall -k 1 owner", "recall logo -k 0", "recall logo -k x",
      "chain Aurora -> owner -> manager", "chain Nobody -> owner", "chain Aurora", "assoc Aurora -k 2",
      "note task Water the plants.", "note recipe Bake.", "notes task", "notes", "notes recipe",
      "var set lang en", "var set greeting hello world", "var get lang", "vars", "var del lang", "var get lang",
      "var frob x", "var set", "stats", "forget #1", "forget #1", "forget #x", "forget logo", "", "   ",
      "scopes", "forget", "stats"}) {
      s.add(new Step("shell", o, line));
    }
    s.add(new Step("shell", "", "observe The sky is blue."));
    s.add(new Step("shell", "", "help"));
    s.add(new Step("shell", null, "stats"));
    s.add(new Step("shell", "tab\there", "get sky"));
    s.add(new Step("shell", o, "get " + "deploy, ".repeat(Limits.MAX_QUESTION_CHARS / 8 + 1)));
    return s;
  }

  /** Facts "The A of E is V.", then questions about them, in scopes named after the script. */
  static List<Step> randomScript(Random r, int script) {
    List<Step> s = new ArrayList<>();
    s.add(new Step("setClock", T0 + script * HALF_LIFE));
    String scope = "rand:" + script + ":" + pick(r, new String[] {"a", "team/β", "x y", "🚀"});
    int facts = 3 + r.nextInt(10);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < facts; i++) {
      String fact = "The " + pick(r, ATTRIBUTES) + " of " + pick(r, ENTITIES) + " is " + pick(r, VALUES) + ".";
      written.add(fact);
      if (r.nextInt(4) == 0) {
        s.add(new Step("observeMany", scope, new String[] {fact, pick(r, NOISE)}));
      } else {
        s.add(new Step("observe", scope, r.nextInt(5) == 0 ? fact + " " + pick(r, NOISE) : fact));
      }
    }
    int questions = 10 + r.nextInt(10);
    for (int i = 0; i < questions; i++) {
      String attribute = pick(r, ATTRIBUTES);
      String entity = pick(r, ENTITIES);
      String question = switch (r.nextInt(3)) {
        case 0 -> "what is the " + attribute + " of " + entity + "?";
        case 1 -> attribute + " " + entity;
        default -> "Who or what is the " + attribute + " for " + entity.toUpperCase() + "?";
      };
      switch (r.nextInt(10)) {
        case 0, 1 -> s.add(new Step("get", scope, question));
        case 2 -> s.add(new Step("recall", scope, question, 1 + r.nextInt(6)));
        case 3 -> s.add(new Step("recallValue", scope, question));
        case 4 -> s.add(new Step("assess", scope, question));
        case 5 -> s.add(new Step("chain", scope, entity + " -> " + attribute + " -> " + pick(r, ATTRIBUTES)));
        case 6 -> s.add(new Step("size", scope));
        case 7 -> s.add(new Step("recallScored", scope, question, 1 + r.nextInt(4)));
        case 8 -> s.add(new Step("assoc", scope, entity, 1 + r.nextInt(4)));
        default -> s.add(new Step("get", scope, written.get(r.nextInt(written.size()))));
      }
    }
    return s;
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }
}
