/**
 * The HTTP interface ({@code engram serve}): the JSON API under {@code /v1/{scope}/…}, the knowledge API under
 * {@code /v1/brain/…} (learn, ask, topics, concepts), {@code /healthz},
 * and the static web-lab page with the npm build it loads.
 *
 * <p>Owns routing, request parsing and the mapping of every failure to a status with a JSON
 * {@code {"error": "..."}} body (bad input is a 4xx, never a 500). It reaches the engine only through
 * {@link dev.engram.server.DurableEngram}, so HTTP, CLI and shell behave the same; it must not touch the
 * store or {@code dev.engram.Engram} directly, nor hold state of its own beyond the server.
 */
package dev.engram.server.http;
