package dev.engram.server.http;

/** Who may call a route when credentials are set (with none, everyone may call everything). */
public enum Access {
  /** No token needed: /healthz, so load balancers and probes need no secret. */
  PUBLIC,
  /** The master key, or the token of the scope named in the path. */
  SCOPE,
  /** Any valid token; the handler checks a scope named in the body itself. */
  ANY_TOKEN,
  /** Only the master key: routes that span scopes or reveal them (/v1/stats, /v1/scopes, /v1/brain/*, /metrics). */
  MASTER
}
