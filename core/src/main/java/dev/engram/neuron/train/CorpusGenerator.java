package dev.engram.neuron.train;

import static dev.engram.neuron.train.Lexicon.*;

import dev.engram.neuron.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the router's training corpus from a seed, the four routes in equal shares.
 *
 * <p>Subjects are composed, not listed: an entity (a person, pet, thing, place or event, or a first
 * name) and an attribute of its kind, each attribute with several fact phrasings and several
 * question phrasings, values drawn from broad lists or made up (codes). Attributes fall in groups
 * ("when", "where", ...); a fact answers a question when entity and group match. From there:
 *
 * <ul>
 *   <li>ANSWER: the question's fact is among the recalled facts, next to near misses (the same
 *       entity's other attributes, the same attribute of other entities, unrelated facts);
 *   <li>ESCALATE: the same question with only near misses (or nothing) recalled, or a request
 *       that needs a larger model (write, explain, plan, general knowledge), often beside facts on
 *       the same subject;
 *   <li>STORE: a fact or a free statement, sometimes dressed as a question ("did you know ... ?"),
 *       sometimes updating a recalled fact;
 *   <li>FETCH: live-world questions (weather, prices, news, scores, traffic, "is the gym open
 *       right now?"), often beside a stored fact on the same subject.
 * </ul>
 *
 * Questions also come dressed as statements ("I forgot the wifi password"), and 20% of messages get
 * typos. The held-out evaluation sets are written by hand elsewhere and share no templates with this.
 */
public final class CorpusGenerator {
  /** An attribute: {e} entity reference, {n} bare noun, {v} value. */
  private record Attr(String group, String[] facts, String[] questions, String[] values, boolean code) {}

  private record Kind(String[] nouns, String[] possessors, Attr[] attrs, boolean names) {}

  private static Attr attr(String group, String[] values, boolean code, String[] facts, String[] questions) {
    return new Attr(group, facts, questions, values, code);
  }

  private static String[] a(String... s) {
    return s;
  }

  private static final Attr NAME = attr("name", PERSON_NAMES, false,
      a("{e}'s name is {v}", "{e} is called {v}", "{e} is named {v}", "{v} is {e}", "the name of {e} is {v}"),
      a("what's {e}'s name", "what is {e} called", "who is {e}", "what's the name of {e}", "{e}'s name?",
          "i forgot {e}'s name", "remind me what {e} is called", "tell me {e}'s name", "what do we call {e}",
          "i keep forgetting {e}'s name"));

  private static final Kind PERSON = new Kind(PEOPLE, a("my ", "our ", "my ", "the "), new Attr[] {
    NAME,
    attr("when", DATES, false,
        a("{e}'s birthday is {v}", "{e} was born on {v}", "{e} has a birthday on {v}", "{e}'s birthday: {v}"),
        a("when is {e}'s birthday", "when was {e} born", "what day is {e}'s birthday", "{e}'s birthday?",
            "i can't remember {e}'s birthday", "when's {e}'s birthday again")),
    attr("where", CITIES, false,
        a("{e} lives in {v}", "{e} moved to {v}", "{e} is based in {v}", "{e} is studying in {v}", "{e} lives in {v} now"),
        a("where does {e} live", "where is {e} based", "which city is {e} in", "where did {e} move to",
            "where is {e} living these days", "where is {e} studying")),
    attr("phone", a("555-0142", "0412 889 301", "+44 7700 900123", "555-8812", "020 7946 0958", "917-555-0199",
            "0612 554 201", "555-0199"), false,
        a("{e}'s phone number is {v}", "{e}'s number is {v}", "you can reach {e} at {v}", "{e}'s phone is {v}"),
        a("what's {e}'s phone number", "what's {e}'s number", "how do i call {e}", "how can i reach {e} by phone",
            "i need {e}'s number", "{e}'s phone?")),
    attr("email", a("jo@example.org", "sam.k@mail.com", "dev@acme.io", "lina@studio.net", "mo@corp.com"), false,
        a("{e}'s email is {v}", "{e}'s email address is {v}", "you can email {e} at {v}"),
        a("what's {e}'s email", "what is {e}'s email address", "how do i email {e}", "{e}'s email?")),
    attr("age", a("3", "7", "11", "15", "34", "41", "62", "80", "9", "27"), false,
        a("{e} is {v} years old", "{e} just turned {v}", "{e} is {v} now"),
        a("how old is {e}", "what age is {e}", "{e}'s age?", "how old is {e} now")),
    attr("food", FOODS, false,
        a("{e}'s favorite food is {v}", "{e} loves {v}", "{e}'s favourite dish is {v}"),
        a("what's {e}'s favorite food", "what does {e} like to eat", "what's {e}'s favourite dish")),
    attr("job", JOBS, false,
        a("{e} works as a {v}", "{e} is a {v} by trade", "{e}'s job is {v}"),
        a("what does {e} do for work", "what's {e}'s job", "what is {e}'s profession")),
    attr("allergy", ALLERGENS, false,
        a("{e} is allergic to {v}", "{e} can't eat {v}", "{e} has an allergy to {v}"),
        a("what is {e} allergic to", "is {e} allergic to anything", "what can't {e} eat")),
  }, true);

  private static final Kind PET = new Kind(PETS, a("my ", "our ", "the "), new Attr[] {
    NAME,
    attr("age", a("2", "4", "6", "9", "12", "1"), false,
        a("{e} is {v} years old", "{e} turned {v}", "{e} is {v} now"),
        a("how old is {e}", "what age is {e}", "how old's {e}")),
    attr("vet", PERSON_NAMES, false,
        a("{e}'s vet is dr {v}", "{e} sees dr {v}", "{e}'s vet is called {v}"),
        a("who is {e}'s vet", "which vet does {e} see", "what's the name of {e}'s vet")),
    attr("food", a("acana", "purina", "orijen", "royal canin", "hills", "wellness", "fresh chicken", "pellets"), false,
        a("{e} eats {v}", "we feed {e} {v}", "{e} only eats {v}"),
        a("what does {e} eat", "what do we feed {e}", "what food does {e} get")),
    attr("weight", a("4 kilos", "23 kilos", "800 grams", "12 kilos", "6 pounds"), false,
        a("{e} weighs {v}", "{e}'s weight is {v}"),
        a("how much does {e} weigh", "what's {e}'s weight")),
  }, false);

  private static final Kind THING = new Kind(THINGS, a("the ", "my ", "our ", "the "), new Attr[] {
    attr("code", null, true,
        a("the {n} password is {v}", "{e} password is {v}", "the code for {e} is {v}", "{n} code: {v}",
            "the {n} pin is {v}", "the password for {e} is {v}", "{n} password = {v}", "the {n} combination is {v}"),
        a("what's the {n} password", "what is the code for {e}", "what's the {n} pin", "i forgot the {n} password",
            "tell me the {n} code", "{n} password?", "{n} pw?", "need the {n} password", "can you give me the {n} code",
            "password for {e}?", "what's the combination for {e}", "{n} combo?", "i need the {n} pin")),
    attr("color", COLORS, false,
        a("{e} is {v}", "{e} is painted {v}", "{e} is a {v} one"),
        a("what color is {e}", "what colour is {e}", "which colour is {e}")),
    attr("model", MODELS, false,
        a("{e} is a {v}", "the {n} model is {v}", "{e} is the {v}"),
        a("what model is {e}", "what kind of {n} do i have", "which {n} do i have")),
    attr("id", null, true,
        a("the {n} serial number is {v}", "the {n} id is {v}", "{e}'s serial is {v}"),
        a("what's the {n} serial number", "what's the {n} id", "{n} serial?")),
    attr("where", SPOTS, false,
        a("{e} is in {v}", "{e} is kept in {v}", "i put {e} in {v}", "{e} is on {v}", "we keep {e} in {v}"),
        a("where is {e}", "where did i put {e}", "where's {e} kept", "where do we keep {e}", "where's {e}")),
    attr("port", a("5432", "8443", "443", "8080", "3306", "6379", "22", "9000"), false,
        a("{e} listens on port {v}", "{e} uses port {v}", "the {n} port is {v}"),
        a("which port does {e} use", "what port is {e} on", "{n} port?")),
    attr("region", a("us-west-2", "eu-central-1", "ap-south-1", "us-east-1", "eu-north-1", "eu-west-3"), false,
        a("{e} runs in {v}", "{e} is hosted in {v}", "{e} lives in {v}"),
        a("which region is {e} in", "where is {e} hosted", "what region does {e} run in")),
    attr("price", PRICES, false,
        a("{e} cost {v}", "{e} costs {v}", "we paid {v} for {e}"),
        a("how much did {e} cost", "how much is {e}", "what did we pay for {e}")),
  }, false);

  private static final Kind PLACE = new Kind(PLACES, a("the ", "the ", "my ", "our "), new Attr[] {
    attr("when", HOURS, false,
        a("{e} is open {v}", "{e} hours are {v}", "{e}'s opening hours are {v}", "{e} is open {v} on weekdays"),
        a("what are {e}'s hours", "when does {e} open", "what time does {e} open", "what are the opening hours of {e}",
            "{n} hours?", "when does {e} close")),
    attr("where", STREETS, false,
        a("{e} is on {v}", "{e} is at {v}", "{e} is located at {v}"),
        a("where is {e}", "what's the address of {e}", "how do i find {e}", "where's {e}", "{n} address?")),
    attr("contact", PERSON_NAMES, false,
        a("my contact at {e} is {v}", "at {e} i talk to {v}", "{v} runs {e}"),
        a("who is my contact at {e}", "who do i talk to at {e}", "who runs {e}")),
    attr("price", PRICES, false,
        a("{e} membership is {v}", "{e} charges {v}", "{e} costs {v}"),
        a("how much is {e} membership", "what does {e} charge", "how much does {e} cost")),
  }, false);

  private static final Kind EVENT = new Kind(EVENTS, a("the ", "my ", "our ", "the "), new Attr[] {
    attr("when", DATES, false,
        a("{e} is on {v}", "{e} is scheduled for {v}", "{e} got moved to {v}", "{n} date: {v}", "{e} is due on {v}"),
        a("when is {e}", "what day is {e}", "what date is {e}", "when's {e} again", "remind me when {e} is",
            "{n} date?", "i forgot when {e} is")),
    attr("when", TIMES, false,
        a("{e} is at {v}", "{e} starts at {v}", "{e} leaves at {v}", "{e} begins at {v}"),
        a("what time is {e}", "when does {e} start", "at what time is {e}", "what time does {e} leave",
            "when does {e} begin")),
    attr("where", SPOTS, false,
        a("{e} is in {v}", "{e} is held in {v}", "{e} will be in {v}", "{e} is happening in {v}"),
        a("where is {e}", "where's {e} being held", "where is {e} happening", "which room is {e} in")),
    attr("code", null, true,
        a("the {n} reference is {v}", "the {n} booking code is {v}", "the booking reference for {e} is {v}"),
        a("what's the {n} reference", "booking reference for {e}?", "what's the booking code for {e}")),
    attr("organizer", PERSON_NAMES, false,
        a("{v} is organizing {e}", "{e} is run by {v}", "{v} is in charge of {e}"),
        a("who is organizing {e}", "who runs {e}", "who is in charge of {e}")),
    attr("price", PRICES, false,
        a("{e} costs {v}", "{e} will cost {v}", "{e} is {v}"),
        a("how much is {e}", "how much does {e} cost", "what does {e} cost")),
    // stored facts asked with a live-sounding time word: memory holds them, no lookup needed
    attr("where", CITIES, false,
        a("this year's {n} is in {v}", "{e} this year is in {v}", "{e} is in {v} this year", "{e} is in {v} this time"),
        a("which city is {e} in this year", "where's {e} this year", "where is this year's {n}",
            "where is {e} happening this year", "which city is this year's {n} in")),
    attr("when", TIMES, false,
        a("{e} tonight is at {v}", "tonight's {n} starts at {v}", "{e} today starts at {v}", "today's {n} is at {v}"),
        a("what time is {e} tonight", "when does tonight's {n} start", "what time does {e} start today",
            "when is today's {n}")),
  }, false);

  /**
   * The user's own attributes ("my blood type is O negative"). The entity is the user, so a question
   * and a fact match on the attribute noun alone; every noun is its own group.
   */
  private static final Kind SELF = selfKind();

  private static Kind selfKind() {
    String[][] table = {
      {"blood type", "o negative", "a positive", "b negative", "ab positive", "o positive"},
      {"shoe size", "9", "42", "10.5", "38", "7"},
      {"shirt size", "medium", "large", "small", "xl"},
      {"coffee order", "oat flat white", "black americano", "cortado", "iced latte", "double espresso"},
      {"employee id", "*"}, {"passport number", "*"}, {"car plate", "*"}, {"library card number", "*"},
      {"membership number", "*"}, {"student id", "*"}, {"insurance number", "*"}, {"tax number", "*"},
      {"locker number", "58", "12", "301", "7"}, {"seat number", "12c", "4a", "33f", "18b"},
      {"room number", "214", "1207", "b12", "88"}, {"favourite colour", "green", "teal", "yellow", "maroon"},
      {"favourite band", "khruangbin", "radiohead", "abba", "the beatles", "daft punk"},
      {"star sign", "leo", "virgo", "pisces", "gemini", "aries"},
      {"bank", "monzo", "barclays", "chase", "ing", "revolut"},
      {"home address", "12 harbour road", "7 rose court", "88 canal walk", "kings road 9"},
      {"usual table", "table 4", "the window table", "table 12"},
      {"doctor", "dr haddad", "dr okafor", "dr lin", "dr alvarez"},
      {"gym time", "6am", "7:30", "after work", "noon"},
      {"exam score", "77", "91", "64", "88"}, {"medication dose", "10mg", "5mg", "20mg", "250mg"},
      {"mobile provider", "vodafone", "o2", "verizon", "t-mobile"},
      {"favourite soup", "lentil soup", "tomato soup", "miso", "pho"},
      {"username", "*"}, {"pin", "*"}, {"account number", "*"}, {"parking spot", "112", "b7", "level 4 spot 20"},
      {"wedding anniversary", "october 2", "june 14", "may 21"}, {"birthday", "march 3", "july 30", "august 2"},
      {"salary", "52k", "$80,000", "3,100 a month"}, {"desk", "desk 14", "by the window", "row c"},
      {"hometown", "ghent", "cork", "lagos", "porto"}, {"middle name", "rose", "james", "anand", "marie"},
      {"nickname", "jojo", "bear", "sparky", "kiki"}, {"dietary restriction", "vegan", "no pork", "gluten free"},
      {"favourite movie", "alien", "amelie", "spirited away", "heat"}
    };
    Attr[] attrs = new Attr[table.length];
    for (int i = 0; i < table.length; i++) {
      String n = table[i][0];
      boolean code = table[i][1].equals("*");
      String[] values = code ? null : java.util.Arrays.copyOfRange(table[i], 1, table[i].length);
      attrs[i] = attr("self:" + n, values, code,
          a("my " + n + " is {v}", "{v} is my " + n, "my " + n + ": {v}", "my " + n + " is {v} now",
              "for the record my " + n + " is {v}"),
          a("what's my " + n, "what is my " + n, "my " + n + "?", "tell me my " + n, "i forgot my " + n,
              "remind me of my " + n, "what was my " + n + " again", "do you know my " + n, "i need my " + n,
              "what " + n + " do i have"));
    }
    return new Kind(a("me"), a(""), attrs, false);
  }

  /**
   * Any entity with any attribute noun ("the hotel's wifi name is ..."): teaches that the asked
   * attribute itself must be in a fact, whatever the noun. Each noun is its own group.
   */
  private static final Kind GENERIC = genericKind();

  private static Kind genericKind() {
    String[] nouns = {
      "phone number", "email", "address", "birthday", "wifi name", "shoe size", "favourite colour", "manager",
      "landlord", "budget", "deadline", "owner", "password", "start time", "end date", "room number", "floor",
      "license plate", "insurance company", "nickname", "middle name", "partner", "doctor", "vet", "price",
      "membership fee", "opening time", "check-in time", "gate", "seat", "platform", "team", "school", "teacher",
      "coach", "account number", "model", "colour", "size", "weight", "age", "breed", "allergy", "job", "hometown",
      "emergency contact", "employee id", "codename", "rate limit", "version", "location", "capacity", "fee", "host"
    };
    String[] values = {
      "kestrel", "4417", "tuesday", "room 9", "b12", "priyanka", "ravi", "$45", "march 28", "green", "monzo", "9:15",
      "floor 17", "aviva", "jojo", "lagos", "2.4.1", "500 per minute", "12", "the blue one", "dr lin", "platform 6"
    };
    Attr[] attrs = new Attr[nouns.length];
    for (int i = 0; i < nouns.length; i++) {
      String x = nouns[i];
      attrs[i] = attr("generic:" + x, values, false,
          a("{e}'s " + x + " is {v}", "the " + x + " of {e} is {v}", "{e} " + x + ": {v}", "the {n} " + x + " is {v}",
              "{e} has " + x + " {v}"),
          a("what's {e}'s " + x, "what is the " + x + " of {e}", "{e}'s " + x + "?", "tell me {e}'s " + x,
              "i need the {n} " + x, "do you know {e}'s " + x, "what was {e}'s " + x + " again",
              "which " + x + " does {e} have", "{n} " + x + "?"));
    }
    String[] all = new String[PEOPLE.length + PETS.length + THINGS.length + PLACES.length + EVENTS.length];
    int k = 0;
    for (String[] group : new String[][] {PEOPLE, PETS, THINGS, PLACES, EVENTS}) {
      for (String g : group) {
        all[k++] = g;
      }
    }
    return new Kind(all, a("my ", "our ", "the "), attrs, true);
  }

  /**
   * A duty someone holds ("Ravi handles expenses at work"): the entity is the duty, the value a name,
   * asked with "who" in shapes that name neither a role noun nor the fact's verb.
   */
  private static final Kind DUTY = new Kind(DUTIES, a(""), new Attr[] {
    attr("who", PERSON_NAMES, false,
        a("{v} handles {e}", "{v} is in charge of {e}", "{v} looks after {e}", "{v} takes care of {e}",
            "{e} is handled by {v}", "{v} is looking after {e}", "{v} deals with {e}", "{v} sorts out {e}"),
        a("who should i ask about {e}", "who handles {e}", "who's looking after {e}", "who do i talk to about {e}",
            "who takes care of {e}", "who's in charge of {e}", "who deals with {e}", "who's responsible for {e}",
            "who do i go to about {e}")),
  }, false);

  /** How people take their drinks, and which day a routine falls on: values that are phrases, not nouns. */
  private static final Kind HABIT = habitKind();

  private static Kind habitKind() {
    List<Attr> attrs = new ArrayList<>();
    for (String d : DRINKS) {
      attrs.add(attr("how:" + d, HOW_TAKEN, false,
          a("{e} takes his " + d + " {v}", "{e} likes her " + d + " {v}", "{e} has " + d + " {v}",
              "{e} drinks " + d + " {v}", "{e} takes their " + d + " {v}"),
          a("how does {e} take his " + d, "how does {e} like her " + d, "how does {e} have " + d,
              "how do i make {e}'s " + d, "how does {e} drink " + d, "how does {e} take " + d)));
    }
    String[] routines = {"pottery", "swimming", "piano lessons", "violin", "football practice", "choir", "yoga",
        "book club", "tennis", "therapy", "spanish class", "the allotment", "band practice", "karate"};
    String[] days = {"tuesdays", "thursdays", "saturday mornings", "monday evenings", "wednesdays", "fridays after school",
        "sundays", "every other monday", "weekday mornings"};
    for (String r : routines) {
      attrs.add(attr("day:" + r, days, false,
          a("{e} has " + r + " on {v}", "{e} goes to " + r + " on {v}", r + " for {e} is on {v}", "{e} does " + r + " on {v}"),
          a("when does {e} have " + r, "which day does {e} have " + r, "does {e} have " + r + " on a particular day",
              "what day is " + r + " for {e}", "when is {e}'s " + r, "on what day does {e} do " + r)));
    }
    String[] who = new String[PEOPLE.length];
    for (int i = 0; i < who.length; i++) {
      who[i] = PEOPLE[i];
    }
    return new Kind(who, a("my ", "our "), attrs.toArray(new Attr[0]), true);
  }

  /** The user's own routines, allergies and drinks, asked as yes/no questions as often as with a wh-word. */
  private static final Kind SELF_HABIT = selfHabitKind();

  private static Kind selfHabitKind() {
    List<Attr> attrs = new ArrayList<>();
    attrs.add(attr("self:allergy", ALLERGENS, false,
        a("i'm allergic to {v}", "i am allergic to {v}", "i can't eat {v}", "i react badly to {v}"),
        a("am i allergic to anything", "what am i allergic to", "is there anything i can't eat", "what can't i eat",
            "do i have any allergies", "what did i say i'm allergic to")));
    String[] days = {"tuesdays", "thursdays", "saturday mornings", "monday evenings", "wednesdays", "sundays",
        "friday nights", "every other thursday"};
    for (String r : a("pottery", "choir", "tennis", "yoga", "piano", "swimming", "spanish class", "therapy", "the gym")) {
      attrs.add(attr("self:day:" + r, days, false,
          a("i have " + r + " on {v}", "i go to " + r + " on {v}", "i do " + r + " on {v}", r + " is on {v}"),
          a("do i have " + r + " on a particular day", "which day is " + r, "when do i have " + r,
              "what day do i go to " + r, "when's " + r + " again", "is " + r + " on a fixed day")));
    }
    for (String d : a("coffee", "tea", "latte")) {
      attrs.add(attr("self:drink:" + d, HOW_TAKEN, false,
          a("i take my " + d + " {v}", "i like my " + d + " {v}", "i have my " + d + " {v}"),
          a("how do i take my " + d, "how do i like my " + d, "how do i have my " + d)));
    }
    return new Kind(a("me"), a(""), attrs.toArray(new Attr[0]), false);
  }

  /** Places from a past trip: "what was the name of the hotel we stayed at in kyoto". */
  private static final Kind TRIP = tripKind();

  private static Kind tripKind() {
    String[] verbs = {"we stayed at", "we went to", "we loved", "we ate at", "i liked"};
    String[] nouns = new String[TRIP_PLACES.length * verbs.length * 6];
    int k = 0;
    for (String tp : TRIP_PLACES) {
      for (String v : verbs) {
        for (int c = 0; c < 6; c++) {
          nouns[k++] = tp + " " + v + " in " + CITIES[(tp.length() * 7 + v.length() * 3 + c * 5) % CITIES.length];
        }
      }
    }
    return new Kind(nouns, a("the "), new Attr[] {
      attr("name", TRIP_NAMES, false,
          a("{e} was called {v}", "{e} was {v}", "the name of {e} was {v}", "{e} is called {v}"),
          a("what was the name of {e}", "what was {e} called", "what's the name of {e}", "do you remember {e}",
              "i can't remember the name of {e}")),
      attr("when", a("2019", "2023", "last summer", "june 2022", "our honeymoon", "easter"), false,
          a("{e} was in {v}", "we were at {e} in {v}"),
          a("when were we at {e}", "what year was {e}")),
    }, false);
  }

  private static final Kind[] KINDS = {
    PERSON, PET, THING, PLACE, EVENT, SELF, SELF, GENERIC, GENERIC, DUTY, HABIT, SELF_HABIT, TRIP
  };

  private static final String[] STORE_PREFIX = {
    "", "", "", "", "", "", "fyi ", "just so you know, ", "remember that ", "note that ", "btw ", "heads up: ",
    "ok so ", "please remember: ", "for the record, ", "guess what, ", "did you know ", "you know what, ",
    "quick update: ", "new info: ", "oh and ", "so apparently ", "i just found out ", "can you remember that ",
    "could you note that ", "don't forget that ", "update: ", "note to self: ", "keep in mind that ", "store this: ",
    "did i tell you? ", "i think you should know ", "isn't it funny, ", "write this down: ", "just a heads-up: ",
    "do remember: ", "remember: ", "make a note: ", "just noting that ", "for future reference, ", "in case you need it, ",
    "fun fact: ", "news: "
  };
  private static final String[] STORE_SUFFIX = {"", "", "", "", ".", ".", "!", "?", " now", " by the way", ", ok?", " :)"};

  private static final String[] ASK_PREFIX = {
    "", "", "", "", "", "hey, ", "quick question: ", "sorry, ", "um ", "so ", "ok ", "can you tell me ",
    "do you know ", "remind me, ", "hmm ", "btw ", "question: "
  };
  private static final String[] ASK_SUFFIX = {"?", "?", "?", "?", "", "", " again?", "??", " please", ", thanks", " pls"};

  private static final String[] FREE_STATEMENTS = {
    "{s} started learning {lang}", "{s} started {hobby}", "{s} moved to {c}", "i sold the {t}", "we bought a new {t}",
    "{s} is allergic to {al}", "{s} hates {f}", "{s} loves {f}", "i work from home on {d}s", "i owe {p} {pr}",
    "{p} owes me {pr}", "i paid the electricity bill today", "we're out of {f}", "{s} got promoted",
    "i'm vegetarian now", "i no longer eat {f}", "we renamed the {t} to {code}", "i'll be in {c} next week",
    "i'm flying to {c} on {date}", "the {t} is broken", "i parked on {spot}", "the {ev} moved to {date}",
    "the {ev} got pushed to {time}", "i changed the {t} password to {code}", "{p} prefers to be called {p2}",
    "from now on i drink decaf after {time}", "the cleaner comes every other {d}", "{p} is my new {per}",
    "we adopted a {pet} called {p}", "i ran a marathon", "i switched to {m}", "i cancelled my {t} subscription",
    "{s} doesn't like {f}", "my {per} just had a baby", "i lost my {t}", "i left my {t} at the {pl}",
    "the {pl} is closed on {d}s", "i've been to {c} twice", "{s} turned {num} today", "i finished the {ev} prep",
    "we're going to {c} in june", "i'm lactose intolerant", "i hate meetings before 10", "the {ev} went well",
    "{p} is on call this week", "i booked the {ev} for {date}", "i gave {p} the spare key", "the {t} needs a new battery",
    "we painted the {t} {col}", "{p} and i share a birthday", "i started a new job at the {pl}", "i'm out sick today",
    "i just paid the rent", "my {per} is visiting on {date}", "i put the {t} in {spot}",
    "the {t} on {spot} uses {part} {code}", "the {t} takes {part} {code}", "the {t} needs a new {part}",
    "{p} {chore} {ct}", "our neighbour {p} {chore} {ct}", "my {per} {chore} {ct}", "the bins go out on {d} night from now on",
    "just booked the {ev} for {date}", "we've switched {svc} to {p}'s account", "{p}'s clinic is on {st}, next to the {pl}",
    "my {per} started {hobby} lessons on {d}s", "{p} doesn't drink {drink}", "{p} takes {drink} {how}",
    "the {ev} is every {d} at {time} from now on", "we're hosting the {ev} this year", "i'm taking the {ev} off",
    "the {pl} on {st} is my favourite", "the spare {part} for the {t} is in {spot}", "{p} is handling {duty} from now on",
    "i've started cycling to work", "we got a new {t}, it's a {m}", "{p} lent me {pr}", "the {t} warranty runs out on {date}",
    "i can never remember to water the plants", "we stayed at {trip} in {c}", "i'd rather not have meetings on {d}s"
  };

  private static final String[] LIVE_MARK = {
    "right now", "now", "today", "at the moment", "currently", "this morning", "tonight", "this minute", "so far",
    "this evening", "as we speak", "today", "right now", ""
  };
  private static final String[] LIVE_ASK = {
    "", "", "what's ", "tell me ", "check ", "look up ", "find ", "i need ", "can you check ", "give me ",
    "search for ", "i'd like to know ", "please check "
  };
  private static final String[] LIVE = {
    "{a}the weather in {c} {m}", "is it raining in {c} {m}", "is it snowing in {c} {m}", "is it sunny in {c} {m}",
    "will it rain in {c} later", "will it freeze tonight in {c}", "{a}the forecast for {c} this weekend",
    "what's the temperature in {c} {m}", "how's the weather looking for later", "how windy is it in {c} {m}",
    "{a}the current price of {as}", "{a}the live price of {as}", "how much is {as} {m}", "what's {as} trading at {m}",
    "how is {as} doing {m}", "did {as} go up today", "{a}today's price of {as}", "what is {as} worth {m}",
    "{a}the latest news about {top}", "any news on {top} {m}", "what's happening with {top} {m}", "latest on {top}?",
    "what are the headlines today", "{a}today's top stories", "{a}the breaking news", "any updates on {top} {m}",
    "who won the {tm} game last night", "did {tm} win {m}", "what's the score in the {tm} match {m}",
    "who is winning the {tm} game {m}", "{a}the live score of the {tm} game", "who scored for {tm} tonight",
    "any delays on {ln} {m}", "is there traffic on {ln} {m}", "is {ln} closed {m}", "how are the roads {m}",
    "is my flight to {c} delayed", "is my train to {c} on time today", "when does the next bus to {c} leave",
    "is the {pl} open {m}", "is the {pl} still open", "is the {pl} busy {m}", "how crowded is the {pl} {m}",
    "what's the wait time at the {pl} {m}", "did the {pl} close early today", "is the {pl} open this {d}",
    "{a}the exchange rate for {as} {m}", "what time is it in {c} {m}", "what's trending {m}",
    "is the concert tonight sold out", "has my package shipped yet", "what's the air quality in {c} {m}",
    "what's the uv index {m}", "{a}current mortgage rates", "{a}the election results so far",
    "are flights out of {c} delayed {m}", "what's on at the cinema tonight", "is there a storm warning for {c} {m}",
    "how long is the queue at the {pl} {m}", "what's the pollen count {m}", "has the market opened yet"
  };

  private static final String[] TASK_ASK = {
    "", "", "", "can you ", "could you ", "please ", "i need you to ", "i'd like you to ", "hey, ", "quick: "
  };

  private final Random rnd;

  public CorpusGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private record Subject(Kind kind, String noun, String ref, Attr attr) {}

  private Subject subject(Kind k) {
    String noun = pick(k.nouns);
    String ref = pick(k.possessors) + noun;
    if (k.names && rnd.nextInt(3) == 0) {
      noun = pick(PERSON_NAMES);
      ref = noun;
    }
    Attr at;
    do {
      at = k.attrs[rnd.nextInt(k.attrs.length)];
    } while (at == NAME && ref.equals(noun) && k.names);
    return new Subject(k, noun, ref, at);
  }

  private Subject subject() {
    return subject(KINDS[rnd.nextInt(KINDS.length)]);
  }

  private String value(Attr at) {
    if (!at.code) {
      return pick(at.values);
    }
    StringBuilder b = new StringBuilder();
    switch (rnd.nextInt(4)) {
      case 0 -> b.append(1000 + rnd.nextInt(9000));
      case 1 -> b.append(pick(SYLLABLES)).append(pick(SYLLABLES)).append(rnd.nextInt(100));
      case 2 -> b.append(pick(SYLLABLES)).append('-').append(pick(SYLLABLES)).append('-').append(rnd.nextInt(100));
      default -> b.append((char) ('a' + rnd.nextInt(26))).append((char) ('a' + rnd.nextInt(26))).append('-')
          .append(rnd.nextInt(10000));
    }
    return b.toString();
  }

  private static String fill(String form, Subject s, String v) {
    return form.replace("{e}", s.ref).replace("{n}", s.noun).replace("{v}", v);
  }

  private String fact(Subject s, String v) {
    return fill(pick(s.attr.facts), s, v);
  }

  private String question(Subject s) {
    return pick(ASK_PREFIX) + fill(pick(s.attr.questions), s, "") + pick(ASK_SUFFIX);
  }

  /** Same entity, another attribute group; or same attribute, another entity. */
  private String nearMiss(Subject s) {
    List<Attr> others = new ArrayList<>();
    for (Attr at : s.kind.attrs) {
      if (!at.group.equals(s.attr.group) && !(at == NAME && s.ref.equals(s.noun))) {
        others.add(at);
      }
    }
    if ((rnd.nextInt(3) != 0 || s.kind.nouns.length == 1) && !others.isEmpty()) {
      Attr at = others.get(rnd.nextInt(others.size()));
      return fill(pick(at.facts), new Subject(s.kind, s.noun, s.ref, at), value(at));
    }
    Subject other;
    do {
      other = subject(s.kind);
    } while (other.noun.equals(s.noun));
    return fill(pick(s.attr.facts), new Subject(s.kind, other.noun, other.ref, s.attr), value(s.attr));
  }

  private String randomFact(Subject avoid) {
    Subject s;
    do {
      s = subject();
    } while (s.noun.equals(avoid.noun));
    return fact(s, value(s.attr));
  }

  private String[] facts(String keep, Subject s, int extra) {
    List<String> fs = new ArrayList<>();
    for (int i = 0; i < extra; i++) {
      fs.add(rnd.nextInt(4) == 0 ? randomFact(s) : nearMiss(s));
    }
    if (keep != null) {
      fs.add(rnd.nextInt(fs.size() + 1), keep);
    }
    return fs.toArray(new String[0]);
  }

  public Example next() {
    return switch (Route.values()[rnd.nextInt(4)]) {
      case ANSWER -> answer();
      case STORE -> store();
      case FETCH -> fetch();
      case ESCALATE -> escalate();
    };
  }

  private Example answer() {
    Subject s = subject();
    String v = value(s.attr);
    return new Example(facts(fact(s, v), s, rnd.nextInt(3)), typos(question(s)), Route.ANSWER, v);
  }

  private Example store() {
    Subject s = subject();
    String msg;
    String[] fs;
    if (rnd.nextBoolean()) {
      msg = fact(s, value(s.attr));
      // an older value of the same subject is often recalled: the message is an update, still STORE
      fs = rnd.nextBoolean() ? facts(fact(s, value(s.attr)), s, rnd.nextInt(2)) : facts(null, s, rnd.nextInt(4));
    } else {
      msg = freeStatement();
      fs = facts(null, s, rnd.nextInt(4));
    }
    msg = pick(STORE_PREFIX) + msg + pick(STORE_SUFFIX);
    return new Example(fs, typos(msg), Route.STORE, null);
  }

  private String slots(String t) {
    String subj = switch (rnd.nextInt(4)) {
      case 0 -> "i";
      case 1 -> "my " + pick(PEOPLE);
      case 2 -> pick(PERSON_NAMES);
      default -> "our " + pick(PETS);
    };
    return t.replace("{s}", subj)
        .replace("{lang}", pick(LANGUAGES))
        .replace("{hobby}", pick(HOBBIES))
        .replace("{c}", pick(CITIES))
        .replace("{t}", pick(THINGS))
        .replace("{al}", pick(ALLERGENS))
        .replace("{f}", pick(FOODS))
        .replace("{d}", pick(a("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")))
        .replace("{p2}", pick(PERSON_NAMES))
        .replace("{p}", pick(PERSON_NAMES))
        .replace("{pr}", pick(PRICES))
        .replace("{code}", value(THING.attrs[0]))
        .replace("{date}", pick(DATES))
        .replace("{spot}", pick(SPOTS))
        .replace("{ev}", pick(EVENTS))
        .replace("{time}", pick(TIMES))
        .replace("{per}", pick(PEOPLE))
        .replace("{pet}", pick(PETS))
        .replace("{m}", pick(MODELS))
        .replace("{pl}", pick(PLACES))
        .replace("{num}", pick(a("30", "40", "18", "65", "5", "12")))
        .replace("{col}", pick(COLORS))
        .replace("{as}", pick(ASSETS))
        .replace("{top}", pick(TOPICS))
        .replace("{tm}", pick(TEAMS))
        .replace("{ln}", pick(LINES))
        .replace("{l}", pick(LANGUAGES))
        .replace("{part}", pick(PARTS))
        .replace("{chore}", pick(CHORES))
        .replace("{ct}", pick(CHORE_TIMES))
        .replace("{svc}", pick(SERVICES))
        .replace("{st}", pick(STREETS))
        .replace("{drink}", pick(DRINKS))
        .replace("{how}", pick(HOW_TAKEN))
        .replace("{duty}", pick(DUTIES))
        .replace("{trip}", pick(TRIP_NAMES))
        .replace("{item}", pick(ITEMS))
        .replace("{con}", pick(CONTESTS))
        .replace("{act}", pick(ACTIVITIES))
        .replace("{cur}", pick(CURRENCIES))
        .replace("{venue}", pick(VENUES))
        .replace("{c}", pick(CITIES));
  }

  private String freeStatement() {
    int form = rnd.nextInt(8);
    if (form < 2) {
      return slots(pick(STATEMENTS_NOW).replace("{tm}", pick(NOW_WORDS)));
    }
    if (form == 2) {
      return slots(pick(MILESTONES).replace("{ord}", pick(a("3rd", "14th", "first", "21st", "9th")))
          .replace("{month}", pick(a("january", "march", "june", "september", "november"))));
    }
    return slots(pick(FREE_STATEMENTS));
  }

  private Example fetch() {
    String place = pick(PLACES);
    int form = rnd.nextInt(10);
    String live = form < 3 ? pick(LIVE_MORE) : form < 4 ? pick(LIVE_EMBED) + pick(LIVE_YES_NO)
        : form < 5 ? pick(LIVE_NOUN_ASK) + pick(LIVE_NOUNS) : form < 6 ? pick(LIVE_EVENTS) : pick(LIVE);
    String q = live.replace("{a}", pick(LIVE_ASK)).replace("{m}", pick(LIVE_MARK)).replace("{pl}", place);
    q = slots(q).trim();
    String msg = pick(ASK_PREFIX) + q + pick(ASK_SUFFIX);
    int n = rnd.nextInt(4);
    List<String> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i == 0 && q.contains(place)) {
        // the stored hours or address of the same place sit next to a live question about it
        Subject s = new Subject(PLACE, place, pick(PLACE.possessors) + place, PLACE.attrs[rnd.nextInt(PLACE.attrs.length)]);
        fs.add(fact(s, value(s.attr)));
      } else {
        Subject s = subject();
        fs.add(fact(s, value(s.attr)));
      }
    }
    return new Example(fs.toArray(new String[0]), typos(msg), Route.FETCH, null);
  }

  private Example escalate() {
    Subject s = subject();
    if (rnd.nextInt(2) == 0) {
      // a personal question whose recalled facts miss the asked attribute (usually about the same entity)
      return new Example(facts(null, s, rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(3)), typos(question(s)),
          Route.ESCALATE, null);
    }
    String msg;
    int kind = rnd.nextInt(6);
    if (kind == 0) {
      msg = pick(TASK_ASK) + slots(pick(TASKS).replace("{x}", s.ref)) + pick(a("", "", "?", ".", " please"));
    } else if (kind == 1) {
      msg = pick(ASK_PREFIX) + pick(KNOWLEDGE) + pick(ASK_SUFFIX);
    } else if (kind == 2) {
      msg = request(advice(pick(ADVICE_WITH_TIME))) + pick(a("", "", "?", "?", ".", " please"));
    } else {
      msg = request(advice(pick(ADVICE_FORMS))) + pick(a("", "", "?", "?", ".", " please", "!"));
    }
    String keep = rnd.nextBoolean() ? fact(s, value(s.attr)) : null;
    return new Example(facts(keep, s, rnd.nextInt(3)), typos(msg), Route.ESCALATE, null);
  }

  /** An imperative request takes a polite opener ("could you ..."), a question one the asking openers. */
  private String request(String body) {
    int sp = body.indexOf(' ');
    String first = sp < 0 ? body : body.substring(0, sp);
    return (dev.engram.text.Lexicon.REQUEST_VERBS.contains(first) || first.equals("sum") || first.equals("make")
        || first.equals("tell") || first.equals("quiz") ? pick(TASK_ASK) : pick(ASK_PREFIX)) + body;
  }

  /** Fills a request form: its action, situation, topic, pair, writing and time slots, then the shared ones. */
  private String advice(String form) {
    String[] pair = PAIRS[rnd.nextInt(PAIRS.length)];
    String[] choice = CHOICES[rnd.nextInt(CHOICES.length)];
    String ing = pick(INGREDIENTS);
    String ing2;
    do {
      ing2 = pick(INGREDIENTS);
    } while (ing2.equals(ing));
    String act = pick(HOWTO_ACTIONS) + pick(a("", "", "", "", " as an adult", " as a beginner", " on a budget", " quickly",
        " in winter", " without special tools", " for the first time", " at my age"));
    String out = form.replace("{act}", act)
        .replace("{sit}", pick(SITUATIONS))
        .replace("{topic}", pick(ESSAY_TOPICS))
        .replace("{ca}", choice[0])
        .replace("{cb}", choice[1])
        .replace("{a}", pair[0])
        .replace("{b}", pair[1])
        .replace("{w}", pick(WRITINGS))
        .replace("{subj}", pick(WRITING_SUBJECTS))
        .replace("{tm}", pick(a("tonight", "today", "this evening", "this weekend", "right now", "tomorrow", "for lunch")))
        .replace("{ing2}", ing2)
        .replace("{ing}", ing)
        .replace("{party}", pick(PARTIES));
    return slots(out);
  }

  /** With probability 0.2, one or two typos: a swap, a drop or a doubled letter. */
  private String typos(String s) {
    if (rnd.nextInt(5) != 0 || s.length() < 8) {
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

  /** Every text of {@code examples}, normalised as the router reads it: the corpus for the BPE merges. */
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

  /** Prints a few generated cases: {@code CorpusGenerator SEED N}. */
  public static void main(String[] args) {
    CorpusGenerator g = new CorpusGenerator(Long.parseLong(args[0]));
    for (Example e : g.generate(Integer.parseInt(args[1]))) {
      System.out.println(e.route() + " | " + (e.value() == null ? "-" : e.value()) + " | " + e.message() + " | "
          + String.join(" | ", e.facts()));
    }
  }
}
