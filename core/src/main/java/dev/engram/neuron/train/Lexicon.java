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

  // ---- requests for a larger model: advice, how-to, explain, summarise, write, compare ----

  /** Things to do, as a how-to asks for them ("how do i {act}"); household, tech, health, work, money, pets. */
  static final String[] HOWTO_ACTIONS = {
    "get rid of fruit flies in the kitchen", "fix a squeaky door", "remove mould from the shower grout",
    "speed up an old laptop", "keep basil alive indoors", "grow tomatoes on a balcony", "train for a 10k",
    "get over jet lag", "negotiate a raise", "make cold brew at home", "clean a cast iron pan", "tie a bowline knot",
    "stop procrastinating", "fall asleep faster", "house train a puppy", "pack for a week in a carry-on",
    "change a bike tyre", "bleed a radiator", "write a good cv", "learn to juggle", "back up my photos",
    "get red wine out of a carpet", "cook rice without burning it", "make friends in a new city",
    "ask my boss for feedback", "start running at forty", "meal prep for the week", "descale a kettle",
    "hang a heavy mirror", "unclog a shower drain", "improve my posture", "memorise a speech", "sharpen a kitchen knife",
    "get a toddler to sleep", "stop my dog pulling on the lead", "introduce a new cat to my old one",
    "paint a room without streaks", "save for a deposit", "pay off a credit card faster", "read more books",
    "get better at chess", "learn touch typing", "set up a budget spreadsheet", "repot a cactus", "fix a dripping shower",
    "keep slugs off my lettuce", "stay focused when working from home", "prepare for a marathon", "deal with a rude coworker",
    "write a wedding speech", "calm down before an exam", "keep a sourdough starter alive", "make pancakes fluffy",
    "whiten grout", "remove a stripped screw", "start a vegetable garden", "teach a kid to ride a bike",
    "clean a suede jacket", "stop a window from fogging up", "cut an onion without crying", "store fresh herbs",
    "get rid of hiccups", "lower my electricity bill", "ask for a day off", "back up a phone", "get a stain out of silk",
    "make a good first impression", "fold a fitted sheet", "care for a bonsai", "choose a good watermelon"
  };

  /** Situations an advice question is about ("what should i do about {sit}"). */
  static final String[] SITUATIONS = {
    "a noisy neighbour", "a leaking roof", "a friend who never pays me back", "burnout at work", "a picky eater",
    "a cat scratching the sofa", "a dog that barks at night", "writer's block", "stage fright", "a slow wifi signal",
    "low water pressure", "a flat tyre", "a sore lower back", "a toddler's tantrums", "a cluttered garage",
    "a lost passport abroad", "a bad review at work", "a cracked phone screen", "an overgrown lawn", "mould on the walls",
    "a housemate who never cleans", "a job offer i'm unsure about", "sunburn", "a blocked sink", "a wasp nest in the shed",
    "a rusty bike chain", "a teenager who won't talk", "a long commute", "a boring cv", "a dead car battery"
  };

  /** What is in the fridge: "what should i cook tonight with {ing} and {ing}". */
  static final String[] INGREDIENTS = {
    "leeks", "potatoes", "chickpeas", "spinach", "eggs", "leftover rice", "a tin of tomatoes", "chicken thighs",
    "mushrooms", "feta", "courgettes", "lentils", "salmon", "tofu", "peppers", "a bag of kale", "halloumi",
    "sweet potatoes", "pasta", "minced beef", "cauliflower", "aubergine", "coconut milk", "prawns", "black beans"
  };

  /** What a summary or an explanation is about, across history, science, economics, culture and tech. */
  static final String[] ESSAY_TOPICS = {
    "the main causes of the first world war", "the french revolution", "how photosynthesis works",
    "the plot of moby dick", "the theory of relativity", "the history of the internet", "the cold war",
    "the water cycle", "keynesian economics", "the rules of cricket", "how a bill becomes law", "the life of marie curie",
    "the fall of the roman empire", "supply and demand", "the causes of the great depression", "plate tectonics",
    "how vaccines train the immune system", "the difference between weather and climate", "quantum computing",
    "the industrial revolution", "the invention of the printing press", "the renaissance", "how compound interest works",
    "the offside rule", "the origins of jazz", "the silk road", "how blockchains work", "the greenhouse effect",
    "the apollo moon landings", "the story of the odyssey", "how the heart pumps blood", "the meiji restoration",
    "the causes of inflation", "how search engines rank pages", "the battle of hastings", "the plot of hamlet",
    "the ideas of stoicism", "how neural networks learn", "the history of the bicycle", "the spanish civil war",
    "the basics of music theory", "how tides work", "the life cycle of a star", "the history of tea",
    "the treaty of versailles", "how mortgages work", "the main ideas of this book", "the key points of the meeting",
    "this email thread", "the article i pasted", "the chapter on cell division", "the history of chocolate"
  };

  /** Pairs to compare ("compare {a} and {b}", "{a} or {b}"). */
  static final String[][] PAIRS = {
    {"python", "javascript"}, {"renting", "buying"}, {"tea", "coffee"}, {"electric cars", "hybrids"},
    {"stocks", "bonds"}, {"iphone", "android"}, {"baking soda", "baking powder"}, {"a crocodile", "an alligator"},
    {"kindles", "paper books"}, {"yoga", "pilates"}, {"gas", "induction hobs"}, {"a roth ira", "a 401k"},
    {"linux", "windows"}, {"running", "cycling"}, {"a fixed", "a variable mortgage"}, {"oil paint", "acrylics"},
    {"butter", "margarine"}, {"react", "vue"}, {"a dog", "a cat"}, {"spanish", "italian"}, {"sql", "nosql"},
    {"laminate", "hardwood floors"}, {"a gap year", "going straight to university"}, {"freelancing", "a salaried job"}
  };

  /** Pieces of writing one asks for. */
  static final String[] WRITINGS = {
    "a poem", "a short story", "a limerick", "a haiku", "a toast", "a eulogy", "a cover letter", "a complaint letter",
    "a product description", "a tweet", "a linkedin post", "a speech", "a bedtime story", "a song", "a slogan",
    "an out-of-office reply", "a thank-you card", "a resignation letter", "a birthday message", "a blog post",
    "a press release", "a dating profile", "an apology note", "a sales pitch", "a riddle", "a rap verse"
  };

  /** What writing or advice is about. */
  static final String[] WRITING_SUBJECTS = {
    "autumn", "our new puppy", "my grandmother's garden", "the office coffee machine", "a lighthouse keeper",
    "moving house", "the first day of school", "a cat who hates mondays", "the sea", "retirement", "friendship",
    "our trip to the mountains", "a broken umbrella", "the team's launch", "a rainy sunday", "time travel",
    "my sister's graduation", "a missing sock", "the city at night", "learning to swim"
  };

  /** Advice asked with a time word, so "tonight" or "today" alone never means a live lookup. */
  static final String[] ADVICE_WITH_TIME = {
    "what should i cook {tm} with {ing} and {ing2}", "what can i make {tm} with {ing}", "what should i make for dinner {tm}",
    "what should i wear to {party} {tm}", "give me a workout i can do {tm}", "what should i read {tm}",
    "what's a good film to watch {tm}", "what should i do with the kids {tm}", "plan a relaxing evening for {tm}",
    "suggest a quick lunch for {tm}", "how should i spend my day off {tm}", "what should i pack for the beach {tm}",
    "help me plan my study session {tm}", "what can i bake {tm} with {ing}", "give me a dinner idea for {tm}"
  };

  static final String[] PARTIES = {
    "a wedding", "a job interview", "a funeral", "a garden party", "a first date", "the office party", "a gala", "a barbecue"
  };

  /** Forms of a request for work or advice; {x} is filled by the request's object. */
  static final String[] ADVICE_FORMS = {
    "how do i {act}", "how can i {act}", "how should i {act}", "what's the best way to {act}", "any tips to {act}",
    "is there an easy way to {act}", "what's the trick to {act}", "i want to {act}, where do i start", "help me {act}",
    "teach me how to {act}", "i'd like to know how to {act}", "tell me how to {act}", "i never know how to {act}",
    "what do you recommend to {act}", "how would you {act}", "wondering how to {act}", "best way to {act}?",
    "what should i do about {sit}", "any advice for dealing with {sit}", "how do people deal with {sit}",
    "i'm struggling with {sit}, any ideas", "what would you do about {sit}", "how do i handle {sit}",
    "summarise {topic}", "summarize {topic} in three sentences", "give me a summary of {topic}", "sum up {topic}",
    "explain {topic}", "explain {topic} simply", "explain {topic} like i'm ten", "can you break down {topic}",
    "describe {topic}", "tell me about {topic}", "what's the short version of {topic}", "give me an overview of {topic}",
    "should i {ca} or {cb}", "would you {ca} or {cb}", "is it smarter to {ca} or {cb}", "{ca} or {cb}, what do you think",
    "compare {a} and {b}", "what's the difference between {a} and {b}", "which is better, {a} or {b}",
    "should i choose {a} or {b}", "pros and cons of {a} versus {b}", "{a} vs {b}, which one",
    "write {w} about {subj}", "draft {w} about {subj}", "write me {w} for {p}", "compose {w} about {subj}",
    "make up {w} about {subj}", "brainstorm ideas for {w} about {subj}", "list five ideas for {w}",
    "rewrite this to sound friendlier", "proofread this paragraph", "translate this into {l}", "fix the grammar in this",
    "what's a good name for {subj}", "recommend a book about {subj}", "suggest a gift for {p} who likes {hobby}",
    "give me a fun fact about {subj}", "quiz me on {topic}", "make a shopping list for {f}", "write a recipe for {f}"
  };

  // ---- live-world lookups ----

  /** Things whose price moves: "how much does {item} cost these days". */
  static final String[] ITEMS = {
    "a kilo of coffee", "a used bike", "a pint in london", "a dozen eggs", "a ps5", "an ounce of gold",
    "a bag of cement", "a litre of diesel", "a cinema ticket", "a tesla model 3", "a flight to {c}", "a return ticket to {c}",
    "a hotel room in {c}", "a train ticket to {c}", "a second-hand iphone", "a tonne of steel", "a loaf of bread",
    "a share of apple", "a bitcoin", "a gallon of gas", "rent in {c}", "a taxi to the airport"
  };

  /** Contests whose result is news. */
  static final String[] CONTESTS = {
    "the grand prix", "eurovision", "the tour de france", "the super bowl", "the champions league final", "the masters",
    "the election in {c}", "the oscars", "the booker prize", "the derby", "the world cup qualifier", "wimbledon",
    "the boat race", "the nba finals", "the london marathon", "the chess championship", "the snooker final", "the ashes"
  };

  static final String[] ACTIVITIES = {
    "run", "bike ride", "hike", "picnic", "walk", "commute", "barbecue", "football practice", "drive to {c}",
    "ferry crossing", "beach day", "school run", "wedding", "camping trip", "golf round", "sailing trip"
  };

  static final String[] SERVICES = {
    "gmail", "slack", "netflix", "the bank's app", "github", "whatsapp", "spotify", "the council website", "outlook",
    "the train company's app", "zoom", "the payroll portal", "instagram", "the vpn", "aws", "the ticket site"
  };

  /** Live questions in forms the first list lacks; {pl} place, {c} city, {item}, {con}, {act}, {svc}. */
  static final String[] LIVE_MORE = {
    "look up today's opening time for the {pl}", "what time does the {pl} open today", "is the {pl} open on the bank holiday",
    "how much does {item} cost these days", "how much does {item} cost these days online", "what's the going rate for {item}",
    "what's {item} going for at the moment", "who just won {con}", "who won {con} last night", "did anyone win {con} yet",
    "what was the result of {con}", "how's the weather looking for my {act} in an hour", "will it stay dry for my {act} later",
    "will it be windy for my {act} this afternoon", "is {svc} down", "is {svc} down right now", "is anyone else having trouble with {svc}",
    "are there any tickets left for the show tonight", "is {item} in stock anywhere near me", "how long is the queue at the {pl} just now",
    "what's the traffic like on my way to the {pl}", "when's the next train to {c}", "is the next ferry to {c} on time",
    "has my parcel arrived yet", "where is my parcel right now", "what did {as} close at", "what's the latest on {top}",
    "has there been any news about {top}", "any road closures in {c} today", "how busy is the {pl} this afternoon",
    "what's the water temperature at the beach today", "are the ski lifts open in {c}", "what's the snow like in {c} this week",
    "what's the uv like this afternoon", "is there a strike on the trains tomorrow", "are the schools closed tomorrow because of the snow",
    "what's the exchange rate from euros to {cur} today", "how many degrees is it in {c} right now", "is it cold out",
    "do i need an umbrella today", "should i take a coat this afternoon", "what's the sea state for sailing tomorrow",
    "when does the sun set tonight", "what's showing at the {pl} cinema this week", "what are the opening hours of the {pl} over christmas",
    "is the {pl} on {st} still open", "how long is the wait for a table at the {pl} right now", "what's the waiting time at a&e tonight",
    "is the {ln} running normally", "any news on the {ln} delays", "what's the current interest rate", "what's inflation at now"
  };

  static final String[] CURRENCIES = {"dollars", "pounds", "yen", "kroner", "francs", "pesos", "rand", "zloty"};

  // ---- personal facts in shapes the attribute tables lack ----

  /** Duties someone holds ("{p} handles {duty}", "who should i ask about {duty}"). */
  static final String[] DUTIES = {
    "expenses at work", "the payroll", "the garden", "the school run", "the recycling", "the cat next week",
    "the spare keys", "the rota", "the holiday booking", "the car insurance", "the plants while we're away",
    "the office keys", "the team's onboarding", "the wedding flowers", "the club's accounts", "the newsletter",
    "the grocery order", "the building repairs", "ticket sales", "the kids on wednesdays", "the budget review",
    "the server upgrades", "the visa paperwork", "the dog while we're in spain"
  };

  /** Drinks and how they are taken. */
  static final String[] DRINKS = {"coffee", "tea", "espresso", "latte", "hot chocolate", "chai", "flat white", "cocoa"};

  static final String[] HOW_TAKEN = {
    "black with no sugar", "with milk and one sugar", "with 2 sugars", "black", "strong", "with oat milk", "milky",
    "with a splash of milk", "with honey", "iced", "without milk", "extra hot", "with cream", "decaf with soy milk"
  };

  /** Parts and consumables ("the printer on floor 3 uses toner cartridge tn-2420"). */
  static final String[] PARTS = {
    "toner cartridge", "filter", "bulb", "battery", "fuse", "ink cartridge", "charger", "tyre size", "vacuum bag",
    "water filter", "blade", "belt", "cable", "adapter", "replacement head", "air filter"
  };

  /** Chores someone else does for the household. */
  static final String[] CHORES = {
    "waters the plants", "walks the dog", "collects the post", "feeds the cat", "takes out the bins",
    "picks up the kids", "mows the lawn", "checks the boiler", "cleans the windows", "does the school run"
  };

  static final String[] CHORE_TIMES = {
    "when we're away", "on weekends", "every tuesday", "while we're on holiday", "twice a week", "in the mornings",
    "every other friday", "when i travel", "during the summer"
  };

  /** Places from a past trip, for personal questions memory may or may not hold. */
  static final String[] TRIP_PLACES = {
    "hotel", "restaurant", "campsite", "beach", "bar", "museum", "guesthouse", "bakery", "market", "ryokan", "vineyard"
  };

  static final String[] TRIP_NAMES = {
    "hotel mira", "casa azul", "the golden fern", "pine hollow", "villa sol", "the red lantern", "blue harbour",
    "le petit four", "the anchor", "sakura house", "the old mill"
  };

  // ---- live questions inside a request, and as bare noun phrases ----

  /** "check whether ...", "find out if ...": a live yes/no question under an imperative. */
  static final String[] LIVE_EMBED = {
    "check whether ", "check if ", "find out whether ", "find out if ", "see if ", "can you check whether ",
    "look up whether ", "i need to know if ", "let me know whether ", "could you find out if ", "please check if ",
    "quickly check whether ", "go and see if ", "can you see whether "
  };

  static final String[] LIVE_YES_NO = {
    "the ferry is cancelled this morning", "the {pl} is open right now", "the concert tonight is sold out",
    "{ln} is running normally", "it's going to rain in {c} later", "the {pl} is still open", "my flight to {c} is delayed",
    "there's a storm warning for {c}", "the trains are on strike today", "the market is up today", "{tm} won last night",
    "there are tickets left for saturday", "the road to {c} is closed", "the {pl} is busy at the moment",
    "my parcel has shipped", "the 7:40 train is on time", "the bridge is open to traffic now", "it's snowing in {c}",
    "{svc} is down", "the {pl} has any tables free tonight", "{as} went up today", "the match has started yet",
    "the pharmacy on the corner is open this sunday", "school is cancelled tomorrow", "there's a queue at the {pl} now",
    "there are still seats on the 18:05 to {c}", "the trams are running again", "the power is back on in {c}",
    "the match is on tv tonight", "the {pl} has reopened after the flood"
  };

  /** Venues where something is on: "who's playing at the {venue} tonight". */
  static final String[] VENUES = {
    "stadium", "arena", "theatre", "jazz club", "town hall", "local cinema", "concert hall", "football ground",
    "comedy club", "festival", "opera house", "racecourse"
  };

  /** What is on and who is playing: fixtures, line-ups, results, happening now. */
  static final String[] LIVE_EVENTS = {
    "who's playing in the final tonight", "who scored in tonight's match", "who's playing at the {venue} tonight",
    "what's on at the {venue} this weekend", "who's in the {tm} line-up today", "what time is kick-off tonight",
    "is the game still on despite the rain", "who's headlining the {venue} tonight", "what's the half-time score",
    "who's leading the race right now", "is anyone injured in today's {tm} squad", "what's showing at the {venue} tonight",
    "are the trams running after the power cut", "are flights operating after the storm", "is the power back on in {c}",
    "are the trains running after the signal failure", "has the {ln} reopened after the accident", "how did {tm} get on today",
    "who won the toss", "what's the latest score in the {tm} match", "who's on stage at the {venue} right now"
  };

  /** Choices someone weighs: "should i {a} or {b}". */
  static final String[][] CHOICES = {
    {"repaint the hallway", "wallpaper it"}, {"buy a new laptop", "fix the old one"}, {"take the job", "stay where i am"},
    {"learn piano", "learn guitar"}, {"rent a car", "take the train"}, {"get a cat", "get a dog"},
    {"pay off the loan", "invest the money"}, {"move to the city", "stay in the suburbs"},
    {"study medicine", "study law"}, {"tile the bathroom myself", "hire someone"}, {"book a cruise", "go camping"},
    {"replace the boiler", "repair it"}, {"go back to university", "keep working"}
  };

  /** Things that happened, told as news to remember. */
  static final String[] MILESTONES = {
    "tonight's the night {p} finally learned to ride a bike without stabilisers", "{p} lost a first tooth today",
    "{p} finally passed the driving test", "{p} took her first steps this morning", "{p} got into the university in {c}",
    "the {t} service is booked for the 14th of january", "the {ev} is booked for the {ord} of {month}",
    "we've booked the {ev} for {date}", "{p} got engaged last night", "our offer on the flat was accepted today",
    "i finally finished the marathon training plan", "{p} started at the new school this week"
  };


  static final String[] LIVE_NOUN_ASK = {"", "", "", "i need ", "show me ", "get me ", "give me ", "pull up ", "what's "};

  static final String[] LIVE_NOUNS = {
    "the live standings of the league", "current air quality index for {c}", "live departures from {c} station",
    "today's pollen count", "the latest {as} price", "live traffic on {ln}", "the current wait at the {pl}",
    "tonight's lottery numbers", "the score of the {tm} game", "this week's top ten", "the current temperature in {c}",
    "the live feed of the election results", "today's weather for {c}", "the current {as} exchange rate",
    "latest headlines", "current delays on {ln}", "the live score", "today's fuel prices near me",
    "the hourly forecast for {c}", "real-time arrivals for the {ln}", "current queue times at the {pl}",
    "this morning's market open", "the surf report for {c} today", "today's tide times in {c}"
  };

  // ---- statements that carry a time word ("tonight", "today") and are still things to remember ----

  static final String[] NOW_WORDS = {
    "tonight", "today", "this afternoon", "tomorrow morning", "this weekend", "right now", "this evening", "on friday afternoon",
    "next week"
  };

  static final String[] STATEMENTS_NOW = {
    "{p} is coming round {tm}", "the plumber comes {tm}", "i'm working late {tm}", "we're having {f} {tm}",
    "i'm off work {tm}", "my {per} is visiting {tm}", "the {ev} got pushed to {tm}", "i'm at the {pl} {tm}",
    "the {ev} with legal got moved to {tm}", "{p} is picking up the kids {tm}", "i'm driving to {c} {tm}",
    "the api rate limit is {num} requests per minute", "the {t} limit is {num} per day", "the shared folder for the {ev} notes is {code}",
    "guess who got promoted? me! i'm {per} now", "guess what? {p} passed the driving test", "{p} is off sick {tm}",
    "we're out of milk {tm}", "i've got a headache {tm}", "the kids are at grandma's {tm}", "i paid {p} back {tm}",
    "the cleaner can't come {tm}", "i moved the {ev} to {tm}", "our {ev} is {tm} now, not {d}"
  };
}
