package dev.engram.neuron.train;

import dev.engram.neuron.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the router's training corpus from a seed: the four routes in equal shares, across people,
 * pets, things, places, work and tech subjects, each with several fact and question phrasings, plus
 * typos, dropped question marks, statements dressed as questions ("did you know my dog is called
 * Rex?"), questions dressed as statements ("I forgot the wifi password"), live-world questions beside
 * stored facts on the same subject ("is the gym open right now?" with the gym's hours recalled:
 * FETCH), and personal questions whose recalled facts are about the same subject but not the asked
 * attribute (ESCALATE, not ANSWER).
 *
 * <p>The held-out evaluation set is written by hand elsewhere (test resources) and is not produced
 * by these templates.
 */
public final class CorpusGenerator {
  /** A subject kind: its entities and the attributes they have. */
  private record Kind(String[] entities, Attr[] attrs) {}

  /** An attribute: fact forms and question forms use {e} (entity) and {v} (value). */
  private record Attr(String name, String[] facts, String[] questions, String[] values) {}

  private static final String[] NAMES = {
    "rex", "luna", "maria", "tom", "aiko", "bruno", "priya", "olek", "zanele", "marcus", "ines", "kenji", "fatima",
    "sven", "lucia", "dmitri", "nora", "paolo", "hana", "oscar", "amara", "felix", "greta", "yusuf", "chloe"
  };
  private static final String[] CITIES = {
    "oslo", "lisbon", "denver", "osaka", "nairobi", "lyon", "toronto", "porto", "austin", "krakow", "seoul", "quito",
    "dublin", "perth", "bergen", "tucson", "leeds", "cusco"
  };
  private static final String[] DATES = {
    "march 3", "june 14", "october 9", "may 21", "december 1", "july 30", "january 17", "april 8", "the 12th",
    "next tuesday", "friday", "september 25", "august 2", "november 11"
  };
  private static final String[] TIMES = {
    "6am to 10pm", "9 to 5", "7:30", "noon", "8 pm", "10:15", "3pm", "5am to midnight", "half past nine", "14:00"
  };
  private static final String[] CODES = {
    "zeta-9931", "tulip42", "k7-pq-19", "4471", "blue-otter-8", "x9f3a", "882155", "delta7", "qwerty-55", "0099",
    "mango#12", "ab-551-zz", "hx42", "7731", "orion-3", "p4ss-lime"
  };
  private static final String[] COLORS = {"red", "teal", "black", "silver", "green", "navy", "orange", "white", "purple"};
  private static final String[] NUMBERS = {"3", "12", "41", "7", "250", "18", "5", "1200", "64", "9", "27", "2"};
  private static final String[] FOODS = {
    "sushi", "pad thai", "lasagna", "ramen", "tacos", "dal", "pho", "paella", "falafel", "pierogi", "curry"
  };
  private static final String[] BRANDS = {
    "toyota corolla", "honda civic", "thinkpad x1", "macbook air", "pixel 8", "ford focus", "vw golf", "dell xps"
  };

  private static final Kind PERSON = new Kind(
      new String[] {"sister", "brother", "mom", "dad", "boss", "manager", "landlord", "neighbor", "dentist", "doctor",
        "best friend", "wife", "husband", "partner", "son", "daughter", "grandma", "coworker", "accountant", "coach"},
      new Attr[] {
        new Attr("name",
            new String[] {"my {e}'s name is {v}", "my {e} is called {v}", "my {e} is named {v}", "{v} is my {e}",
              "the name of my {e} is {v}"},
            new String[] {"what is my {e}'s name", "what's my {e} called", "who is my {e}", "what's the name of my {e}",
              "do you remember my {e}'s name", "tell me my {e}'s name", "i forgot my {e}'s name", "{e} name?"},
            NAMES),
        new Attr("birthday",
            new String[] {"my {e}'s birthday is {v}", "my {e} was born on {v}", "my {e} has a birthday on {v}",
              "{e}'s birthday: {v}"},
            new String[] {"when is my {e}'s birthday", "when was my {e} born", "what day is my {e}'s birthday",
              "remind me when my {e}'s birthday is", "{e} birthday?", "i can't remember my {e}'s birthday"},
            DATES),
        new Attr("city",
            new String[] {"my {e} lives in {v}", "my {e} moved to {v}", "my {e} is based in {v}", "my {e}'s home is in {v}"},
            new String[] {"where does my {e} live", "which city is my {e} in", "where is my {e} based",
              "where did my {e} move to", "remind me where my {e} lives", "{e} city?"},
            CITIES),
        new Attr("phone",
            new String[] {"my {e}'s phone number is {v}", "my {e}'s number is {v}", "you can reach my {e} at {v}"},
            new String[] {"what's my {e}'s phone number", "what is my {e}'s number", "how do i call my {e}",
              "give me my {e}'s number", "i need my {e}'s phone number"},
            new String[] {"555-0142", "0412 889 301", "+44 7700 900123", "555-8812", "020 7946 0958", "917-555-0199"}),
        new Attr("favorite food",
            new String[] {"my {e}'s favorite food is {v}", "my {e} loves {v}", "my {e} really likes {v}"},
            new String[] {"what's my {e}'s favorite food", "what does my {e} like to eat", "what food does my {e} love",
              "what should i cook for my {e}"},
            FOODS),
      });

  private static final Kind PET = new Kind(
      new String[] {"dog", "cat", "puppy", "parrot", "rabbit", "hamster", "kitten", "horse"},
      new Attr[] {
        new Attr("name",
            new String[] {"my {e}'s name is {v}", "my {e} is called {v}", "our {e} is named {v}", "we call the {e} {v}"},
            new String[] {"what is my {e}'s name", "what's my {e} called", "what did we name the {e}",
              "what's the {e}'s name again", "tell me my {e}'s name", "i forgot what my {e} is called"},
            NAMES),
        new Attr("age",
            new String[] {"my {e} is {v} years old", "our {e} turned {v}", "the {e} is {v} now"},
            new String[] {"how old is my {e}", "what age is the {e}", "how old is our {e} now", "{e} age?"},
            NUMBERS),
        new Attr("vet",
            new String[] {"my {e}'s vet is dr {v}", "the {e} sees dr {v} at the clinic", "our {e}'s vet is called {v}"},
            new String[] {"who is my {e}'s vet", "what's the name of the {e}'s vet", "which vet does my {e} go to"},
            NAMES),
        new Attr("food",
            new String[] {"my {e} eats {v} kibble", "the {e} only eats {v} brand food", "we feed the {e} {v}"},
            new String[] {"what does my {e} eat", "what food do we give the {e}", "which brand does the {e} eat"},
            new String[] {"acana", "purina", "orijen", "royal canin", "hills", "wellness"}),
      });

  private static final Kind THING = new Kind(
      new String[] {"wifi", "laptop", "car", "bike lock", "router", "phone", "alarm", "garage door", "safe", "locker",
        "bank card", "email account", "office door", "printer", "server", "vpn"},
      new Attr[] {
        new Attr("password",
            new String[] {"the {e} password is {v}", "my {e} password is {v}", "the code for the {e} is {v}",
              "{e} code: {v}", "the {e} pin is {v}"},
            new String[] {"what's the {e} password", "what is the code for the {e}", "what's my {e} pin",
              "i forgot the {e} password", "tell me the {e} code", "{e} password?", "remind me of the {e} code",
              "can you give me the {e} password"},
            CODES),
        new Attr("color",
            new String[] {"my {e} is {v}", "the {e} is painted {v}", "i have a {v} {e}"},
            new String[] {"what color is my {e}", "what colour is the {e}", "which color did i get for the {e}"},
            COLORS),
        new Attr("model",
            new String[] {"my {e} is a {v}", "i drive a {v}", "the {e} model is {v}"},
            new String[] {"what model is my {e}", "what kind of {e} do i have", "which {e} do i own"},
            BRANDS),
        new Attr("serial",
            new String[] {"the {e} serial number is {v}", "my {e}'s serial is {v}", "the {e} id is {v}"},
            new String[] {"what's the {e} serial number", "what is the id of my {e}", "{e} serial?"},
            CODES),
      });

  private static final Kind PLACE = new Kind(
      new String[] {"gym", "pharmacy", "library", "bakery", "pool", "post office", "clinic", "supermarket", "office",
        "daycare", "barber", "dry cleaner"},
      new Attr[] {
        new Attr("hours",
            new String[] {"the {e} is open {v}", "the {e} opens {v}", "{e} hours are {v}", "the {e}'s hours are {v}"},
            new String[] {"what are the {e} hours", "when does the {e} open", "what time does the {e} open",
              "what are the opening hours of the {e}", "remind me of the {e} hours"},
            TIMES),
        new Attr("address",
            new String[] {"the {e} is on {v}", "the {e} is at {v}", "my {e} is located at {v}"},
            new String[] {"where is the {e}", "what's the address of the {e}", "where's my {e}", "how do i find the {e}"},
            new String[] {"elm street", "12 harbour road", "5th avenue", "kings road", "mill lane 4", "park street 19"}),
        new Attr("contact",
            new String[] {"the person at the {e} is {v}", "my contact at the {e} is {v}", "at the {e} i talk to {v}"},
            new String[] {"who is my contact at the {e}", "who do i talk to at the {e}", "who is the person at the {e}"},
            NAMES),
      });

  private static final Kind WORK = new Kind(
      new String[] {"project", "deploy", "meeting", "standup", "release", "sprint", "api", "database", "launch",
        "invoice", "budget review", "dentist appointment", "flight", "hotel booking", "lease", "exam"},
      new Attr[] {
        new Attr("date",
            new String[] {"the {e} is on {v}", "the {e} is scheduled for {v}", "my {e} is {v}", "{e} date: {v}",
              "we moved the {e} to {v}"},
            new String[] {"when is the {e}", "what day is my {e}", "when is the {e} scheduled", "what date is the {e}",
              "when's my {e} again", "remind me when the {e} is", "i forgot when the {e} is", "{e} date?"},
            DATES),
        new Attr("code",
            new String[] {"the {e} key is {v}", "the {e} reference is {v}", "the {e} booking code is {v}",
              "the {e} id is {v}"},
            new String[] {"what's the {e} key", "what is the {e} reference", "what's the booking code for the {e}",
              "give me the {e} id", "i need the {e} reference"},
            CODES),
        new Attr("region",
            new String[] {"the {e} region is {v}", "the {e} runs in {v}", "the {e} is hosted in {v}"},
            new String[] {"which region is the {e} in", "where is the {e} hosted", "what region does the {e} run in"},
            new String[] {"us-west-2", "eu-central-1", "ap-south-1", "us-east-1", "eu-west-3", "frankfurt"}),
        new Attr("owner",
            new String[] {"the {e} is owned by {v}", "{v} is in charge of the {e}", "{v} runs the {e}"},
            new String[] {"who owns the {e}", "who is in charge of the {e}", "who runs the {e}"},
            NAMES),
      });

  private static final Kind[] KINDS = {PERSON, PET, THING, PLACE, WORK};

  private static final String[] STORE_PREFIX = {
    "", "", "", "", "", "fyi ", "just so you know, ", "remember that ", "note that ", "btw ", "heads up: ", "ok so ",
    "please remember: ", "for the record, ", "guess what, ", "did you know ", "i wonder if you knew that ",
    "quick update: ", "new info: ", "oh and ", "so apparently ", "i just found out ", "can you remember that ",
    "could you note that ", "don't forget that ", "update: "
  };
  private static final String[] STORE_SUFFIX = {"", "", "", "", ".", "!", "?", " now", " by the way", ", ok?", " :)"};

  private static final String[] ASK_PREFIX = {
    "", "", "", "", "hey, ", "quick question: ", "sorry, ", "um ", "so ", "ok ", "can you tell me ", "do you know "
  };
  private static final String[] ASK_SUFFIX = {"?", "?", "?", "", "", " again?", "??", " please", ", thanks"};

  private static final String[] LIVE = {
    "what's the weather in {c} right now", "will it rain in {c} tomorrow", "is it snowing in {c} today",
    "how hot is it in {c} at the moment", "weather forecast for {c} this weekend",
    "what's the price of bitcoin today", "how much is gold trading at right now", "current price of ethereum",
    "how is the stock market doing today", "what's apple's share price right now", "did tesla stock go up today",
    "what's the latest news", "any breaking news this morning", "what's happening in {c} today",
    "latest headlines about the election", "who won the game last night", "what's the score of the match right now",
    "did {c} win yesterday", "exchange rate of euro to dollar today", "how many yen is a dollar right now",
    "what time is it in {c} now", "is there traffic on the highway right now", "any train delays to {c} this morning",
    "when does the next bus to {c} leave", "is my flight to {c} delayed", "how long is the queue at the airport now",
    "what's trending online today", "are there any earthquakes reported today", "what's the air quality in {c} today",
    "what's the pollen count today", "how much is petrol today", "current mortgage rates", "who is leading the race now",
    "check the latest news about {c}", "i need today's weather for {c}", "look up the current price of silver",
    "tell me the live score", "find out if it's going to rain later", "i'd like the latest forecast for {c}",
    "search the web for concerts in {c} tonight", "what movies are playing tonight", "is the {p} open right now",
    "is the {p} still open", "is the {p} busy at the moment", "is the {p} open today", "how crowded is the {p} now",
    "did the {p} close early today", "what's the wait time at the {p} right now"
  };

  private static final String[] OPEN = {
    "write a short poem about my {e}", "can you help me plan my {e}'s birthday party", "how should i apologize to my {e}",
    "explain how vaccines work", "why is the sky blue", "what's the capital of peru", "how do i fix a leaking tap",
    "give me a recipe for {f}", "translate good morning into spanish", "what should i get my {e} as a gift",
    "summarize the theory of relativity", "how do i center a div in css", "write an email to my {e} about the delay",
    "what's a good name for a {e}", "tell me a joke", "how many bones are in the human body",
    "what do you think about my {e}", "help me write a cover letter", "can you explain recursion",
    "what is the meaning of life", "should i learn rust or go", "compare {f} and {f2}", "how do plants make food",
    "draft a message to my {e} saying i'll be late", "what's 17 times 23", "who wrote pride and prejudice",
    "give me tips for sleeping better", "how do i get my {e} to stop barking", "plan a weekend trip to {c}",
    "what can i do about back pain", "is it healthy to eat {f} every day", "what is a good workout for beginners",
    "teach me some french", "why do cats purr", "how does the stock market work", "what's the difference between a virus and bacteria"
  };

  private final Random rnd;

  public CorpusGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private static String fill(String form, String e, String v) {
    return form.replace("{e}", e).replace("{v}", v);
  }

  /** A random (kind, entity, attribute) triple index. */
  private record Subject(Kind kind, String entity, Attr attr) {}

  private Subject subject() {
    Kind k = KINDS[rnd.nextInt(KINDS.length)];
    return new Subject(k, pick(k.entities), k.attrs[rnd.nextInt(k.attrs.length)]);
  }

  private String fact(Subject s, String v) {
    return fill(pick(s.attr.facts), s.entity, v);
  }

  private String question(Subject s) {
    String q = fill(pick(s.attr.questions), s.entity, "");
    return pick(ASK_PREFIX) + q + pick(ASK_SUFFIX);
  }

  /** A fact about the same entity but another attribute, or the same attribute of another entity. */
  private String nearMiss(Subject s) {
    if (rnd.nextBoolean() && s.kind.attrs.length > 1) {
      Attr other;
      do {
        other = s.kind.attrs[rnd.nextInt(s.kind.attrs.length)];
      } while (other == s.attr);
      return fill(pick(other.facts), s.entity, pick(other.values));
    }
    String e;
    do {
      e = pick(s.kind.entities);
    } while (e.equals(s.entity));
    return fill(pick(s.attr.facts), e, pick(s.attr.values));
  }

  /** True when {@code f} could be a fact of subject {@code s} (any value): such a fact must not be a distractor. */
  private static boolean sameSubject(String f, Subject s) {
    for (String form : s.attr.facts) {
      String pre = form.replace("{e}", s.entity);
      int v = pre.indexOf("{v}");
      String head = pre.substring(0, v);
      String tail = pre.substring(v + 3);
      if (f.startsWith(head) && f.endsWith(tail) && f.length() > head.length() + tail.length()) {
        return true;
      }
    }
    return false;
  }

  private String randomFact() {
    Subject s = subject();
    return fact(s, pick(s.attr.values));
  }

  private String[] withDistractors(String keep, Subject s, int extra) {
    List<String> fs = new ArrayList<>();
    for (int i = 0; i < extra; i++) {
      String f = rnd.nextInt(3) == 0 ? randomFact() : nearMiss(s);
      if (f.contains(s.entity) && keep == null && s.attr.facts.length > 0 && sameSubject(f, s)) {
        f = nearMiss(s);
      }
      fs.add(f);
    }
    if (keep != null) {
      fs.add(rnd.nextInt(fs.size() + 1), keep);
    }
    return fs.toArray(new String[0]);
  }

  public Example next() {
    Route r = Route.values()[rnd.nextInt(4)];
    return switch (r) {
      case ANSWER -> answer();
      case STORE -> store();
      case FETCH -> fetch();
      case ESCALATE -> escalate();
    };
  }

  private Example answer() {
    Subject s = subject();
    String v = pick(s.attr.values);
    String[] facts = withDistractors(fact(s, v), s, rnd.nextInt(3));
    return new Example(facts, typos(question(s)), Route.ANSWER, v);
  }

  private Example store() {
    Subject s = subject();
    String v = pick(s.attr.values);
    String msg = pick(STORE_PREFIX) + fact(s, v) + pick(STORE_SUFFIX);
    int n = rnd.nextInt(4);
    String[] facts;
    if (n > 0 && rnd.nextBoolean()) {
      // an older value of the same subject is recalled: the message is an update, still STORE
      facts = withDistractors(fact(s, pick(s.attr.values)), s, n - 1);
    } else {
      facts = withDistractors(null, s, n);
    }
    return new Example(facts, typos(msg), Route.STORE, null);
  }

  private Example fetch() {
    String place = pick(PLACE.entities);
    String q = pick(LIVE).replace("{c}", pick(CITIES)).replace("{p}", place);
    String msg = pick(ASK_PREFIX) + q + pick(ASK_SUFFIX);
    int n = rnd.nextInt(4);
    List<String> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (q.contains(place) && i == 0) {
        // the stored hours or address of the same place sit next to a live question about it
        Attr a = PLACE.attrs[rnd.nextInt(PLACE.attrs.length)];
        fs.add(fill(pick(a.facts), place, pick(a.values)));
      } else {
        fs.add(randomFact());
      }
    }
    return new Example(fs.toArray(new String[0]), typos(msg), Route.FETCH, null);
  }

  private Example escalate() {
    int kind = rnd.nextInt(10);
    Subject s = subject();
    if (kind < 6) {
      // a personal question whose recalled facts miss the asked attribute
      String[] facts = withDistractors(null, s, rnd.nextInt(4));
      return new Example(facts, typos(question(s)), Route.ESCALATE, null);
    }
    String q = pick(OPEN)
        .replace("{e}", s.entity)
        .replace("{f2}", pick(FOODS))
        .replace("{f}", pick(FOODS))
        .replace("{c}", pick(CITIES));
    String msg = pick(ASK_PREFIX) + q + pick(ASK_SUFFIX);
    String[] facts = withDistractors(rnd.nextBoolean() ? fact(s, pick(s.attr.values)) : null, s, rnd.nextInt(3));
    return new Example(facts, typos(msg), Route.ESCALATE, null);
  }

  /** With probability 0.2, one or two typos: a swap, a drop or a doubled letter. */
  private String typos(String s) {
    if (rnd.nextInt(5) != 0 || s.length() < 6) {
      return s;
    }
    StringBuilder b = new StringBuilder(s);
    int n = 1 + rnd.nextInt(2);
    for (int k = 0; k < n; k++) {
      int i = 1 + rnd.nextInt(b.length() - 3);
      if (!Character.isLetter(b.charAt(i)) || !Character.isLetter(b.charAt(i + 1))) {
        continue;
      }
      switch (rnd.nextInt(3)) {
        case 0 -> {
          char c = b.charAt(i);
          b.setCharAt(i, b.charAt(i + 1));
          b.setCharAt(i + 1, c);
        }
        case 1 -> b.deleteCharAt(i);
        default -> b.insert(i, b.charAt(i));
      }
    }
    return b.toString();
  }

  public List<Example> generate(int n) {
    List<Example> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** Every text the generator can emit, as a corpus for the BPE merges. */
  public static List<String> tokenizerCorpus(List<Example> examples) {
    List<String> out = new ArrayList<>();
    for (Example e : examples) {
      out.add(dev.engram.neuron.RouterInput.normalize(e.message()));
      for (String f : e.facts()) {
        out.add(dev.engram.neuron.RouterInput.normalize(f));
      }
    }
    return out;
  }
}
