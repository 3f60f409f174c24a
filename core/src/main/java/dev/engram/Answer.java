package dev.engram;

/**
 * What memory makes of a question: the value that answers it (or {@code null} when memory does not
 * hold the answer), the fact it came from, and how sure memory is.
 *
 * @param value the answering value, {@code null} when memory abstains
 * @param fact the text of the fact the value was taken from; {@code null} when nothing matched at all
 * @param confidence calibrated certainty in 0..1 that {@code value} answers the question; memory
 *     abstains (value {@code null}) below its threshold
 */
public record Answer(String value, String fact, double confidence) {
  public boolean answered() {
    return value != null;
  }
}
