package dev.engram.text;

import java.util.HashMap;
import java.util.HashSet;

/**
 * The small English lexicon the engine reads: which words carry no cue, which frame a question, which
 * name the kind of answer wanted, which announce a change of value, and the close-synonym groups.
 *
 * <p>Kept as data in one place so tuning one list never means hunting through scoring code. Words are
 * lower-case surface forms; {@link #SYNONYMS} is keyed by stem.
 */
public final class Lexicon {
  private Lexicon() {}

  private static HashSet<String> set(String words) {
    HashSet<String> s = new HashSet<>();
    int i = 0;
    int n = words.length();
    while (i < n) {
      while (i < n && words.charAt(i) == ' ') {
        i++;
      }
      int j = i;
      while (j < n && words.charAt(j) != ' ') {
        j++;
      }
      if (j > i) {
        s.add(words.substring(i, j));
      }
      i = j;
    }
    return s;
  }

  /** Function words: never a cue, never a value on their own. */
  public static final HashSet<String> STOP = set(
      "a an the of to in on at for from by with about as into onto than then and or but nor if so that this these"
          + " those it its i me my mine myself we us our ours you your yours he him his she her hers they them their"
          + " theirs is are was were be been being am do does did doing have has had having will would shall should"
          + " can could may might must not no there here what which who whom whose where when why how all some any"
          + " each every just very also too up out over under again now currently still already ever"
          + " s t d ll re ve m much many more most such own same other another both either neither yet via per"
          + " get got gets getting go goes going gone went let lets thing things stuff something anything everything"
          + " someone anyone somebody anybody really quite rather pretty since because while although though"
          + " whereas unless");

  /** Words that only frame a request ("remind me", "do you know", "please"): dropped from questions. */
  public static final HashSet<String> FRAME = set(
      "tell remind know knew recall remember say said please pls plz hey hi hello ok okay um uh er so well"
          + " need needs needed forget forgets forgot forgotten forgetting keep keeps"
          + " quick question wonder wondering idea sure mind again kindly exactly actually basically right"
          + " whats wat wut u ur r thx thanks check look lookup find remind one use uses using");

  /**
   * Nouns that name the kind of answer wanted rather than the thing asked about: "what's my dog's
   * <b>name</b>" is answered by "my dog is Rex". A question may omit them from the fact without that
   * counting against the match.
   */
  public static final HashSet<String> ANSWER_KIND = set(
      "name names named called call time times day days date dates year years month months number numbers"
          + " amount place location city town address age old count total value color colour"
          + " current today tonight latest new newest");

  /**
   * Words announcing that a value replaced an earlier one ("I <b>moved</b> to the pro plan"); they are
   * neither cues that must be matched nor values.
   */
  public static final HashSet<String> TRANSITION = set(
      "moved move moving switched switch changed change upgraded upgrade downgraded downgrade became become"
          + " updated update renamed transferred transfer now currently anymore longer recently lately today"
          + " instead new newly actually officially");

  /** Verbs that are relations, not answers: a value candidate made only of these is rejected. */
  public static final HashSet<String> VERB = set(
      "own owns owned use uses used like likes liked love loves loved prefer prefers preferred hate hates"
          + " live lives lived work works worked drive drives drove play plays played study studies studied"
          + " speak speaks spoke teach teaches taught manage manages managed lead leads led run runs ran buy"
          + " buys bought sell sells sold pay pays paid cost costs weigh weighs hold holds held keep keeps kept"
          + " start starts started begin begins began end ends ended finish finishes finished meet meets met"
          + " visit visits visited marry married born join joined joins leave leaves left call calls make"
          + " makes made need needs needed want wants wanted reports report reported belongs belong belonged"
          + " runs stays stay stayed takes take took feeds feed fed walks walk walked eats eat ate drinks"
          + " drink drank lives located sits sit sat opens open opened closes close closed happens happened"
          + " takes place scheduled planned set due expires expired renews renewed arrives arrive arrived"
          + " departs depart departed leaves moved switched changed upgraded went goes go grew grow");

  /** Words after "how" that ask for a measure: "how long", "how far", "how often". */
  public static final HashSet<String> HOW_MEASURE = set(
      "many much long far big old often tall heavy large wide deep high soon late early fast");

  /** People and pets a fact can be about instead of the speaker: "my <b>wife</b> is allergic to peanuts". */
  public static final HashSet<String> OTHERS = set(
      "wife husband spouse partner sister brother mother mom mum father dad son daughter kid kids child"
          + " children baby friend boss manager colleague coworker neighbor neighbour roommate flatmate cousin"
          + " aunt uncle niece nephew grandma grandpa grandmother grandfather boyfriend girlfriend fiance fiancee"
          + " dog cat puppy kitten pet parents parent sibling siblings team landlord tenant doctor dentist");

  /** Nouns naming an amount of money or a quantity: "what's my <b>salary</b>?" wants a number. */
  public static final HashSet<String> AMOUNT_NOUNS = set(
      "salary salaries price prices cost costs rent budget budgets fee fees wage wages income balance amount"
          + " bill fare deposit tip charge tuition premium payment payments allowance pension"
          + " weight height distance population capacity");

  /** Measures whose answer carries its unit ("how much": "$45", "how long": "18 months"). */
  public static final HashSet<String> MEASURE_WITH_UNIT = set("much long far big tall heavy large wide deep high often");

  /** Prepositions that introduce a location. */
  public static final HashSet<String> LOCATIVE = set("in at near from to inside outside within across behind beside above below");

  public static final HashSet<String> WEEKDAYS = set(
      "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
          + " mondays tuesdays wednesdays thursdays fridays saturdays sundays weekend weekends weekday weekdays");

  public static final HashSet<String> MONTHS = set(
      "january february march april may june july august september october november december jan feb mar"
          + " apr jun jul aug sep sept oct nov dec");

  public static final HashSet<String> TIME_WORDS = set(
      "today tomorrow yesterday tonight morning afternoon evening night noon midnight am pm a.m p.m week"
          + " month year daily weekly monthly yearly annually next last o'clock oclock dawn dusk spring"
          + " summer autumn fall winter weeks months years day days hour hours minute minutes second seconds"
          + " hourly mornings afternoons evenings nights");

  /**
   * Verbs that open a request for work ("<b>translate</b> this", "<b>draft</b> an email"): a message
   * starting with one asks for something to be done, it states no fact to store.
   */
  public static final HashSet<String> REQUEST_VERBS = set(
      "write draft translate summarise summarize explain recommend suggest compose rewrite rephrase brainstorm"
          + " outline describe compare generate create plan help teach give list proofread fix debug design"
          + " calculate solve convert");

  /** Ordinals that head a day of a period: "the <b>first</b> of the month", "the <b>last</b> Friday". */
  public static final HashSet<String> ORDINALS = set(
      "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
          + " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth last");

  /** Periods an ordinal can count within: "the 1st of the <b>month</b>". */
  public static final HashSet<String> PERIODS = set("month week year quarter term semester season cycle");

  public static final HashSet<String> NUMBER_WORDS = set(
      "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
          + " seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand"
          + " million billion dozen half couple few several none single double twice once");

  public static final HashSet<String> COLORS = set(
      "red orange yellow green blue purple violet pink brown black white gray grey silver gold golden beige"
          + " navy teal turquoise maroon crimson cyan magenta lavender olive tan cream ivory charcoal");

  /** Common misspellings of question and function words, mapped to the intended word. */
  public static final HashMap<String, String> TYPOS = new HashMap<>();

  /** Close-synonym groups, keyed by stem: each stem maps to the stems it may stand for. */
  public static final HashMap<String, String[]> SYNONYMS = new HashMap<>();

  static {
    String[] typos = {
      "whos", "who", "wheres", "where", "whens", "when", "hows", "how", "waht", "what", "wht", "what", "whta", "what", "wat", "what", "hwat", "what", "teh", "the", "hte", "the",
      "hwo", "how", "howm", "how", "wher", "where", "whre", "where", "wehre", "where", "whn", "when", "wehn", "when",
      "wich", "which", "whcih", "which", "waht's", "what", "iz", "is", "si", "is", "ma", "my", "mi", "my", "myy", "my",
      "adn", "and", "nad", "and", "fo", "of", "ot", "to", "yuor", "your", "yoru", "your", "thier", "their",
      "recieve", "receive", "adress", "address", "addres", "address", "pasword", "password", "passwrod", "password",
      "birthdya", "birthday", "brithday", "birthday", "bday", "birthday", "b-day", "birthday", "tommorow", "tomorrow",
      "tomorow", "tomorrow", "wensday", "wednesday", "wednsday", "wednesday", "febuary", "february",
      "calender", "calendar", "numbr", "number", "nubmer", "number", "numer", "number", "phoen", "phone",
      "emial", "email", "e-mail", "email", "mial", "mail", "freind", "friend", "frend", "friend",
      "favorit", "favorite", "favourite", "favorite", "fav", "favorite", "fave", "favorite", "colour", "color",
      "doctr", "doctor", "docter", "doctor", "apointment", "appointment", "appointmnet", "appointment",
      "meetting", "meeting", "meting", "meeting", "compnay", "company", "comapny", "company", "mangaer", "manager",
      "manger", "manager", "sistr", "sister", "sisiter", "sister", "brohter", "brother", "borther", "brother",
      "mothr", "mother", "fathr", "father", "daugther", "daughter", "childern", "children", "wierd", "weird",
      "beleive", "believe", "definately", "definitely", "untill", "until", "wifi's", "wifi", "wi-fi", "wifi",
      "pw", "password", "pwd", "password", "tel", "phone", "ph", "phone", "no.", "number", "num", "number",
      "addr", "address", "info", "information", "appt", "appointment", "mtg", "meeting", "dept", "department",
      "mgr", "manager", "bro", "brother", "sis", "sister", "mom", "mother", "mum", "mother", "dad", "father",
      "ppl", "people", "db", "database", "prod", "production", "env", "environment", "msg", "message",
      "apt", "apartment", "combo", "combination", "approx", "approximately", "cuz", "because", "bc", "because", "w/", "with", "yr", "year", "yrs", "years"
    };
    for (int i = 0; i < typos.length; i += 2) {
      TYPOS.put(typos[i], typos[i + 1]);
    }
    String[] groups = {
      "phone mobile cell cellphone telephone smartphone",
      "job work occupation profession career employment",
      "employer company firm workplace",
      "car vehicle auto automobile",
      "house home residence",
      "live reside move",
      "like love enjoy adore favorite favourite",
      "birthplace hometown born",
      "wife spouse married marry",
      "husband spouse married marry",
      "boss manager supervisor report",
      "birthday birth born birthdate",
      "kid child",
      "doctor physician gp",
      "email mail inbox",
      "password passcode passphrase",
      "salary wage income pay earnings earn",
      "favorite favourite prefer preferred",
      "buy purchase",
      "start begin commence kickoff",
      "finish end conclude",
      "meeting meetup",
      "appointment booking reservation",
      "trip travel journey vacation holiday",
      "friend buddy pal",
      "city town",
      "cost price fee",
      "fix repair",
      "launch release",
      "deadline due",
      "wifi wireless internet network",
      "movie film",
      "tv television",
      "sofa couch",
      "shop store",
      "talk speak",
      "afraid scared fear",
      "sick ill",
      "mother mom mum",
      "father dad",
      "grandmother grandma granny",
      "grandfather grandpa",
      "bike bicycle",
      "laptop notebook",
      "zip zipcode postcode",
      "allergy allergic",
      "vet veterinarian",
      "lawyer attorney",
      "teacher tutor instructor",
      "gym fitness",
      "flat apartment",
      "holiday vacation",
      "weight weigh",
      "height tall",
      "large big",
      "small little",
      "quick fast",
      "author writer",
      "owner proprietor",
      "headquarters hq",
      "student pupil",
      "partner spouse",
      "cat kitten",
      "dog puppy",
      "name called named nickname"
    };
    for (String g : groups) {
      java.util.ArrayList<String> words = new java.util.ArrayList<>(set(g));
      // Each word stemmed once per group, not once per pair: this initializer runs inside a wasm
      // instance's first observe, where the pairwise stemming cost milliseconds (docs/WASM.md, cold start).
      String[] stems = new String[words.size()];
      for (int k = 0; k < stems.length; k++) {
        stems[k] = Stemmer.stem(words.get(k));
      }
      for (String sw : stems) {
        String[] old = SYNONYMS.get(sw);
        HashSet<String> merged = new HashSet<>();
        if (old != null) {
          for (String o : old) {
            merged.add(o);
          }
        }
        for (String so : stems) {
          if (!so.equals(sw)) {
            merged.add(so);
          }
        }
        SYNONYMS.put(sw, merged.toArray(new String[0]));
      }
    }
  }

  /** Bits of {@link #classes}: which of the sets above a word belongs to. */
  public static final int IS_STOP = 1;
  public static final int IS_TRANSITION = 1 << 1;
  public static final int IS_VERB = 1 << 2;
  public static final int IS_ANSWER_KIND = 1 << 3;
  public static final int IS_NUMBER_WORD = 1 << 4;
  public static final int IS_COLOR = 1 << 5;
  public static final int IS_LOCATIVE = 1 << 6;
  public static final int IS_OTHER = 1 << 7;
  public static final int IS_ORDINAL = 1 << 8;
  public static final int IS_PERIOD = 1 << 9;
  public static final int IS_MONTH = 1 << 10;
  public static final int IS_WEEKDAY = 1 << 11;
  public static final int IS_TIME_WORD = 1 << 12;
  /** {@link #isTimeLike}: a weekday, a month or a time word. */
  public static final int IS_TIME_LIKE = IS_MONTH | IS_WEEKDAY | IS_TIME_WORD;

  /**
   * Word -> its {@code IS_*} bits, built once from the sets above. Reading a fact asks a dozen of these
   * questions about each of its words; one lookup per word answers all of them.
   */
  private static final HashMap<String, Integer> CLASSES = new HashMap<>();

  static {
    Object[] sets = {STOP, IS_STOP, TRANSITION, IS_TRANSITION, VERB, IS_VERB, ANSWER_KIND, IS_ANSWER_KIND,
      NUMBER_WORDS, IS_NUMBER_WORD, COLORS, IS_COLOR, LOCATIVE, IS_LOCATIVE, OTHERS, IS_OTHER, ORDINALS,
      IS_ORDINAL, PERIODS, IS_PERIOD, MONTHS, IS_MONTH, WEEKDAYS, IS_WEEKDAY, TIME_WORDS, IS_TIME_WORD};
    for (int i = 0; i < sets.length; i += 2) {
      @SuppressWarnings("unchecked")
      HashSet<String> set = (HashSet<String>) sets[i];
      int bit = (Integer) sets[i + 1];
      for (String w : set) {
        Integer old = CLASSES.get(w);
        CLASSES.put(w, old == null ? bit : old | bit);
      }
    }
  }

  /** The {@code IS_*} bits of a lower-case word (0 for a word in none of the sets). */
  public static int classes(String norm) {
    Integer bits = CLASSES.get(norm);
    return bits == null ? 0 : bits;
  }

  public static boolean isTimeLike(String norm) {
    return WEEKDAYS.contains(norm) || MONTHS.contains(norm) || TIME_WORDS.contains(norm);
  }

  public static boolean isNumberWord(String norm) {
    return NUMBER_WORDS.contains(norm);
  }
}
