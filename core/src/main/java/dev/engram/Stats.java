package dev.engram;

/**
 * Counts over the whole store or one scope.
 *
 * @param scopes number of scopes holding at least one fact or variable
 * @param facts live facts
 * @param forgotten facts forgotten but still numbered (their ids are never reused)
 * @param terms distinct cue stems indexed
 * @param links Hebbian links between facts
 * @param vars variables set
 */
public record Stats(int scopes, long facts, long forgotten, long terms, long links, long vars) {}
