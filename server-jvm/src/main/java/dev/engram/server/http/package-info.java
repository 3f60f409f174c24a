/**
 * The HTTP interface ({@code engram serve}): the JSON API under {@code /v1/{scope}/…}, the knowledge API under
 * {@code /v1/brain/…} (learn, ask, topics, concepts), {@code /healthz}, {@code /metrics} (Prometheus text),
 * {@code /openapi.json} (a hand-written resource that a test holds to the route table), the JSON access log,
 * {@code engram bench http}, and the static web-lab page with the npm build it loads.
 *
 * <p>Owns routing, request parsing, limits and timeouts, applying the credentials of
 * {@link dev.engram.server.security} to each route (401 without a valid bearer token, 403 for another scope),
 * and the mapping of every failure to a status with a JSON
 * {@code {"error": "..."}} body (bad input is a 4xx, never a 500). It reaches the engine only through
 * {@link dev.engram.server.DurableEngram}, so HTTP, CLI and shell behave the same; it must not touch the
 * store or {@code dev.engram.Engram} directly, nor hold state of its own beyond the server.
 */
package dev.engram.server.http;
