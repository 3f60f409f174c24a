package dev.engram.server.http;

import dev.engram.server.security.Credentials;
import dev.engram.server.security.Credentials.Grant;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Applies {@link Credentials} to requests: 401 without a valid bearer token, 403 when the token's scope is not
 * the one asked for. Messages never repeat the presented token or say which scope a token belongs to.
 */
final class Guard {
  private static final String GRANT = "engram.grant";
  private final Credentials credentials;

  Guard(Credentials credentials) {
    this.credentials = credentials;
  }

  /** The before-filter: any request to a protected path needs a valid token, even one no route matches. */
  void authenticateProtectedPath(Context ctx) {
    if (credentials.enabled() && HttpServer.isProtected(ctx.path())) {
      grant(ctx);
    }
  }

  /** Checked again in every route's handler, so a path the filter did not see as protected is still guarded. */
  void authorize(Context ctx, Access access) {
    if (access == Access.PUBLIC) {
      return;
    }
    Grant grant = grant(ctx);
    switch (access) {
      case SCOPE -> requireScope(ctx, ctx.pathParam("scope"));
      case MASTER -> {
        if (!grant.master()) {
          throw new HttpResponseException(403, "forbidden: " + ctx.attribute(HttpServer.ROUTE)
              + " spans every scope and needs the master key; a scope token reaches only /v1/{its scope}/...");
        }
      }
      case ANY_TOKEN, PUBLIC -> { }
    }
  }

  /** 403 unless the caller's grant reaches {@code scope}. */
  static void requireScope(Context ctx, String scope) {
    Grant grant = ctx.attribute(GRANT);
    if (grant == null || !grant.reaches(scope)) {
      throw new HttpResponseException(403, "forbidden: this token does not reach the scope asked for");
    }
  }

  private Grant grant(Context ctx) {
    Grant grant = ctx.attribute(GRANT);
    if (grant != null) {
      return grant;
    }
    grant = credentials.check(ctx.header("Authorization"));
    if (grant == null) {
      throw new HttpResponseException(401, "unauthorized: send the header 'Authorization: Bearer <key>'"
          + " with the server's key or a token for the scope (the one sent, if any, matches none)");
    }
    ctx.attribute(GRANT, grant);
    return grant;
  }
}
