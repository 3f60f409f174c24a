package dev.engram;

/**
 * One page of a recall, best first. Pass {@code next} back to get the following page; it is
 * {@code null} on the last page. A cursor is only meaningful for the same scope and question.
 */
public record RecallPage(Recalled[] items, String next) {}
