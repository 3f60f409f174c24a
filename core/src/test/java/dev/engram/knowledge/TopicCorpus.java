package dev.engram.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation corpus under test resources: invented topics (no model has seen them) and questions
 * with the concepts a correct answer must recall. Shared by the evaluation test and the benchmark.
 */
final class TopicCorpus {
  private TopicCorpus() {}

  record Topic(String name, String file, String text) {
    SourceText.Format format() {
      return SourceText.Format.detect(file, text);
    }
  }

  record Question(String kind, String text, List<String> expected) {}

  static String resource(String path) {
    try (InputStream in = TopicCorpus.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  static List<Topic> topics() {
    List<Topic> out = new ArrayList<>();
    for (String[] row : rows(resource("topics.tsv"))) {
      out.add(new Topic(row[0], row[1], resource("topics/" + row[1])));
    }
    return out;
  }

  /** Topics written after tuning, for an honest check; never tune recall on them. */
  static List<Topic> heldOutTopics() {
    return topicsIn("heldout");
  }

  /** The second held-out set, written before the recall work of 2026-11-23 afternoon; never tuned on. */
  static List<Topic> heldOut2Topics() {
    return topicsIn("heldout2");
  }

  static List<Question> heldOut2Questions() {
    return questions("heldout2/questions.tsv");
  }

  /** The third set, written before the extractor work of 2026-11-23 evening (see its topics.tsv header). */
  static List<Topic> heldOut3Topics() {
    return topicsIn("heldout3");
  }

  static List<Question> heldOut3Questions() {
    return questions("heldout3/questions.tsv");
  }

  /** The fourth set, scored once blind after the evening's changes (see its topics.tsv header). */
  static List<Topic> heldOut4Topics() {
    return topicsIn("heldout4");
  }

  static List<Question> heldOut4Questions() {
    return questions("heldout4/questions.tsv");
  }

  private static List<Topic> topicsIn(String dir) {
    List<Topic> out = new ArrayList<>();
    for (String[] row : rows(resource(dir + "/topics.tsv"))) {
      out.add(new Topic(row[0], row[1], resource(dir + "/" + row[1])));
    }
    return out;
  }

  static List<Question> questions() {
    return questions("questions.tsv");
  }

  static List<Question> heldOutQuestions() {
    return questions("heldout/questions.tsv");
  }

  static List<Question> questions(String file) {
    List<Question> out = new ArrayList<>();
    for (String[] row : rows(resource(file))) {
      List<String> expected = new ArrayList<>();
      for (String e : row[2].split(";")) {
        expected.add(e.trim());
      }
      out.add(new Question(row[0], row[1], expected));
    }
    return out;
  }

  /** Every topic learned into one knowledge base with the rule extractor. */
  static KnowledgeBase learnAll() {
    KnowledgeBase kb = new KnowledgeBase();
    for (Topic t : topics()) {
      kb.learn(t.name(), t.text(), t.format());
    }
    return kb;
  }

  private static List<String[]> rows(String tsv) {
    List<String[]> out = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new IllegalStateException("bad corpus line: " + line);
      }
      out.add(cols);
    }
    return out;
  }

  /**
   * Does a recalled concept name satisfy an expected phrase? Equal keys, or the recalled name contains
   * the expected words in order ("barley flour" satisfies "barley"), or the expected phrase contains
   * a recalled name of two words or more ("salt flats" for "salt flats of Tuvar").
   */
  static boolean satisfies(String recalled, String expected) {
    List<String> r = singularWords(recalled);
    List<String> e = singularWords(expected);
    if (r.isEmpty() || e.isEmpty()) {
      return false;
    }
    return containsRun(r, e) || (r.size() >= 2 && containsRun(e, r));
  }

  private static List<String> singularWords(String s) {
    List<String> out = new ArrayList<>();
    for (String w : ConceptNames.words(s)) {
      if (!ConceptNames.isDeterminer(w)) {
        out.add(ConceptNames.singular(w));
      }
    }
    return out;
  }

  private static boolean containsRun(List<String> hay, List<String> needle) {
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      boolean ok = true;
      for (int k = 0; k < needle.size() && ok; k++) {
        ok = hay.get(i + k).equals(needle.get(k));
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }
}
