package dev.engram.knowledge;

/**
 * One subject|relation|object statement, as an extractor produces it (surface text, any case).
 * The graph normalises subject and object into concept keys; the relation is kept as written, lower case.
 */
public record Triple(String subject, String relation, String object) {
  public Triple {
    if (subject == null || relation == null || object == null) {
      throw new IllegalArgumentException("triple parts must not be null");
    }
    if (subject.isBlank() || relation.isBlank() || object.isBlank()) {
      throw new IllegalArgumentException(
          "triple parts must not be blank: " + subject + "|" + relation + "|" + object);
    }
  }

  @Override
  public String toString() {
    return subject + "|" + relation + "|" + object;
  }
}
