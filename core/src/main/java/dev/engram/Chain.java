package dev.engram;

/**
 * The result of a multi-hop {@link Engram#chain} walk: {@code "Aurora -> owner -> manager"} follows the
 * value of each hop into the next.
 *
 * @param value the final value, or {@code null} when some hop found nothing
 * @param path the start followed by the value found at each hop that succeeded
 */
public record Chain(String value, String[] path) {}
