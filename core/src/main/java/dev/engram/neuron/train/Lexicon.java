package dev.engram.neuron.train;

/**
 * Word lists the corpus generator draws from. Broad on purpose: the router must learn to match a
 * question against a recalled fact, not to memorise which nouns it has seen.
 */
final class Lexicon {
  private Lexicon() {}

  static final String[] PEOPLE = {
    "sister", "brother", "mom", "dad", "mother", "father", "boss", "manager", "landlord", "neighbour", "neighbor",
    "dentist", "doctor", "gp", "plumber", "accountant", "coach", "niece", "nephew", "uncle", "aunt", "grandma",
    "grandpa", "grandmother", "cousin", "best friend", "wife", "husband", "partner", "son", "daughter", "coworker",
    "teacher", "tutor", "babysitter", "therapist", "lawyer", "mechanic", "cleaner", "new hire", "team lead",
    "roommate", "piano teacher", "personal trainer", "mother-in-law", "godson", "colleague", "recruiter", "client",
    "account manager", "vet", "electrician", "physio", "hairdresser", "stepdad", "fiancee", "boyfriend", "girlfriend"
  };

  static final String[] PERSON_NAMES = {
    "alex", "maya", "sam", "lily", "jonas", "priya", "tom", "ines", "kofi", "ravi", "mia", "leo", "ana", "omar",
    "hana", "felix", "zoe", "nils", "aisha", "ben", "clara", "dev", "emma", "farid", "greta", "hugo", "isla", "jun"
  };

  static final String[] PETS = {
    "dog", "cat", "puppy", "kitten", "parrot", "rabbit", "hamster", "goldfish", "tortoise", "horse", "budgie",
    "guinea pig", "gecko", "pony", "ferret", "canary", "bunny", "lizard"
  };

  static final String[] THINGS = {
    "wifi", "guest wifi", "office wifi", "router", "laptop", "car", "bike", "bike lock", "phone", "alarm", "garage",
    "safe", "locker", "bank card", "email account", "office door", "building door", "front door", "printer", "server",
    "vpn", "nas", "database", "admin console", "staging server", "prod cluster", "api", "backup drive", "spare key",
    "passport", "charger", "gate", "storage unit", "shed", "tablet", "work laptop", "mailbox", "padlock", "bank account",
    "netflix account", "alarm system", "door", "gym locker", "projector", "camera", "drone", "boat", "scooter"
  };

  static final String[] PLACES = {
    "gym", "pharmacy", "library", "bakery", "pool", "post office", "clinic", "supermarket", "office", "daycare",
    "barber", "museum", "cafe", "restaurant", "hotel", "school", "dry cleaner", "bank", "dmv", "cinema", "market",
    "bookshop", "garden centre", "vet clinic", "town hall", "swimming pool", "deli", "laundrette", "hardware store"
  };

  static final String[] EVENTS = {
    "meeting", "standup", "kickoff call", "team sync", "dentist appointment", "flight", "train", "exam", "launch",
    "release", "deploy", "wedding", "party", "interview", "haircut", "vet appointment", "review", "offsite",
    "tax deadline", "lease renewal", "insurance renewal", "checkup", "recital", "football practice", "book club",
    "date night", "conference", "demo", "retro", "yoga class", "swim lesson", "parents evening", "move", "surgery",
    "concert", "road test", "board meeting", "hackathon", "quarterly review", "bus", "ferry", "school trip"
  };

  static final String[] CITIES = {
    "oslo", "lisbon", "denver", "osaka", "nairobi", "lyon", "toronto", "porto", "austin", "krakow", "seoul", "quito",
    "dublin", "perth", "bergen", "tucson", "leeds", "cusco", "ghent", "lagos", "reykjavik", "valencia", "hanoi",
    "bristol", "malmo", "tbilisi", "accra", "lima", "munich", "chennai", "boston", "cork", "kyoto", "tallinn", "sydney",
    "cape town", "madrid", "vienna", "manila", "calgary", "milan", "glasgow", "zurich"
  };

  static final String[] SPOTS = {
    "the garage", "the attic", "the blue folder", "the kitchen drawer", "the top shelf", "room 214", "floor 3",
    "the basement", "the glovebox", "the hall cupboard", "level 4", "the red box", "the desk drawer", "the shed",
    "the third shelf", "the safe", "room b12", "the car boot", "the filing cabinet", "the loft", "floor 17"
  };

  static final String[] STREETS = {
    "elm street", "12 harbour road", "5th avenue", "kings road", "mill lane 4", "park street 19", "42 quay street",
    "7 rose court", "oak avenue 3", "station road", "88 canal walk", "high street 101", "church lane 6", "bay road"
  };

  static final String[] TIMES = {
    "6am", "9:30", "7:45", "noon", "8 pm", "10:15", "3pm", "midnight", "half past nine", "14:00", "8:45", "17:30",
    "9 am", "11", "6:15", "quarter to eight", "20:00", "1pm", "7"
  };

  static final String[] HOURS = {
    "6am to 10pm", "9 to 5", "8 to 8", "7am to midnight", "10 to 6", "9am to 9pm", "24 hours", "noon to 8"
  };

  static final String[] DATES = {
    "march 3", "june 14", "october 9", "may 21", "december 1", "july 30", "january 17", "april 8", "the 12th",
    "next tuesday", "friday", "september 25", "august 2", "november 11", "the 4th", "monday", "the first of the month",
    "thursday", "march 28", "2 february", "the 19th", "sunday", "wednesday", "the 30th", "christmas eve"
  };

  static final String[] COLORS = {
    "red", "teal", "black", "silver", "green", "navy", "orange", "white", "purple", "yellow", "grey", "blue", "pink"
  };

  static final String[] MODELS = {
    "toyota corolla", "honda civic", "thinkpad x1", "macbook air", "pixel 8", "ford focus", "vw golf", "dell xps",
    "mazda 3", "iphone 15", "kia niro", "surface pro", "trek fx", "galaxy s24"
  };

  static final String[] FOODS = {
    "sushi", "pad thai", "lasagna", "ramen", "tacos", "dal", "pho", "paella", "falafel", "pierogi", "curry",
    "lentil soup", "pizza", "dumplings", "burritos", "risotto", "shakshuka", "bibimbap", "kebab", "pancakes"
  };

  static final String[] ALLERGENS = {"peanuts", "penicillin", "gluten", "shellfish", "cats", "pollen", "lactose", "eggs", "bees"};

  static final String[] JOBS = {
    "nurse", "architect", "pilot", "teacher", "engineer", "chef", "lawyer", "designer", "electrician", "journalist"
  };

  static final String[] PRICES = {
    "2,300 euros", "$45", "80 pounds", "120 dollars", "15 euros a month", "$9.99", "40k", "300 a year", "12 pounds"
  };

  static final String[] SYLLABLES = {
    "ka", "zu", "mi", "tor", "vel", "qua", "rin", "bo", "sel", "dax", "lu", "pe", "nox", "tri", "fen", "gar", "oli",
    "mar", "kes", "ha", "jade", "moss", "lime", "otter", "cobalt", "pelican", "robin", "harbor", "tulip", "orion"
  };

  static final String[] LANGUAGES = {"portuguese", "japanese", "french", "spanish", "german", "korean", "italian", "arabic"};

  static final String[] HOBBIES = {"pottery", "climbing", "the guitar", "chess", "running", "yoga", "baking", "knitting", "salsa"};

  static final String[] ASSETS = {
    "bitcoin", "gold", "silver", "oil", "ethereum", "apple stock", "tesla", "the nikkei", "the s&p 500", "the euro",
    "the pound", "the yen", "the ftse", "nvidia", "natural gas", "copper", "the dollar", "a barrel of oil", "petrol",
    "diesel", "eggs at the store", "coffee beans"
  };

  static final String[] TEAMS = {
    "arsenal", "the lakers", "real madrid", "the yankees", "the all blacks", "the giants", "celtic", "ajax", "the bulls"
  };

  static final String[] TOPICS = {
    "the election", "the strike", "the hurricane", "spacex", "the summit", "the wildfire", "the trial", "the merger",
    "the heatwave", "the protests", "the floods", "the budget vote", "the world cup", "the recall", "covid"
  };

  static final String[] LINES = {
    "the northern line", "line 2", "the m25", "the a40", "the ring road", "the i-95", "the bridge", "the tunnel",
    "the highway", "the metro", "the 14 bus", "platform 3", "the motorway", "downtown", "the airport road"
  };

  static final String[] TASKS = {
    "write a poem about {x}", "write a short story about {x}", "draft an email to {x} about the delay",
    "compose a haiku about {x}", "write a limerick about {x}", "help me write a cover letter",
    "proofread my essay", "rewrite this paragraph to sound more formal", "summarize the plot of hamlet",
    "explain how vaccines work", "explain inflation like i'm five", "explain the difference between tcp and udp",
    "explain recursion", "explain what a black hole is", "help me debug this stack trace", "help me plan a trip to {c}",
    "plan a 3 day itinerary for {c}", "give me a recipe for {f}", "suggest a name for {x}", "recommend a good novel",
    "recommend a podcast about history", "give me tips for sleeping better", "help me prepare for a job interview",
    "translate good morning into {l}", "teach me some {l}", "help me budget for {x}", "brainstorm gift ideas for {x}",
    "write a toast for {x}", "help me apologize to {x}", "make a workout plan for beginners", "outline a business plan",
    "help me choose between two job offers", "write a birthday message for {x}", "summarize this article",
    "draft a polite reminder to {x}", "create a study schedule for my exams", "help me name my startup",
    "write a thank you note to {x}", "give me ideas for a date night", "critique my resume",
    "what should i name {x}", "what should i call {x}", "what's a nice way to tell {x} i'm leaving",
    "what should i get {x} for their birthday", "how do i tell {x} bad news", "what's a good way to thank {x}"
  };

  static final String[] KNOWLEDGE = {
    "why is the sky blue", "why do onions make you cry", "why does bread go stale", "why do cats purr",
    "how do plants make food", "how does the stock market work", "how do i fix a leaking tap", "how do i unclog a drain",
    "how do i center a div in css", "how do i make sourdough starter", "how do airplanes stay up",
    "what's the capital of peru", "what's the tallest mountain in africa", "who painted the mona lisa",
    "who wrote pride and prejudice", "what year did the berlin wall fall", "how many bones are in the human body",
    "what's 17 times 23", "what is 15 percent of 240", "convert 5 miles to kilometres", "what's the square root of 1764",
    "what are the symptoms of dehydration", "how many calories are in an avocado", "is it better to rent or buy",
    "should i learn rust or go", "what's the difference between a virus and bacteria", "what is the meaning of life",
    "what's a good stretching routine for runners", "is coffee bad for you", "how long should i boil an egg",
    "what causes earthquakes", "who invented the telephone", "what does dna stand for", "how far is the moon",
    "what's the best way to learn to swim", "how do i politely decline an invitation", "what is machine learning",
    "tell me a joke", "tell me about the roman empire", "what do you think about remote work"
  };
}
