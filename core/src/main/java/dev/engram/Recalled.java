package dev.engram;

/**
 * One recalled fact with the evidence for it.
 *
 * @param id the fact's number in its scope (stable; usable with {@code forget})
 * @param text the fact as observed
 * @param kind "fact", "preference", "event", "task", "person" or "instruction"
 * @param score how much of the question the fact covers, 0..1 (for associative recall: activation)
 * @param value the value the fact offers for the question, or {@code null}
 * @param why which question words matched, and how ("phone~mobile" for a synonym, "kye->key" for a repair)
 * @param strength plastic strength: grows with use, decays with disuse (1 = never used)
 */
public record Recalled(int id, String text, String kind, double score, String value, String why, double strength) {}
