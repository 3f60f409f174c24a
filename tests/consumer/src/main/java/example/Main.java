package example;

import dev.engram.Engram;

/** Uses engram as a library: observe, ask, snapshot, and exits non-zero if anything is off. */
public final class Main {
  public static void main(String[] args) {
    Engram memory = new Engram();
    memory.observe("user:42", "The deploy region is us-west-2. My plan is basic.");
    memory.observe("user:42", "I moved to the pro plan.");
    check("us-west-2", memory.get("user:42", "what's the deploy region?"));
    check("pro", memory.get("user:42", "what plan am I on?"));
    check(null, memory.get("user:42", "what is the api key?"));
    Engram copy = new Engram();
    copy.load(memory.dump(null));
    check("pro", copy.get("user:42", "what plan am I on?"));
    System.out.println("engram-core works as a library dependency");
  }

  private static void check(String want, String got) {
    if (want == null ? got != null : !want.equals(got)) {
      System.err.println("expected " + want + ", got " + got);
      System.exit(1);
    }
  }
}
