package dev.engram.server.security;

import dev.engram.server.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engram token SCOPE}: mints a scope token and prints the line that goes into the --tokens file. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Mint a random token for SCOPE. Prints the token (give it to the client; it is shown only now) and the",
      "line to append to the file passed to 'engram serve --tokens FILE' (it holds only the token's SHA-256).",
      "With --hash, reads a token you made yourself from standard input and prints its line instead."
    })
public final class TokenVerb implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCOPE", description = "the one scope the token reaches")
  String scope;

  @Option(names = "--hash", description = "read an existing token from standard input instead of minting one")
  boolean hash;

  @Option(names = "--json", description = "print {\"scope\", \"token\", \"line\"} (token is null with --hash)")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String token;
    String line;
    if (hash) {
      String given = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      dev.engram.Limits.checkScope(scope);
      line = Credentials.hashHex(given) + " " + scope;
      token = null;
    } else {
      Credentials.Minted minted = Credentials.mint(scope);
      token = minted.token();
      line = minted.line();
    }
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.MAPPER.createObjectNode().put("scope", scope).put("token", token).put("line", line));
    } else {
      if (token != null) {
        out.println("token: " + token);
      }
      out.println("tokens-file line: " + line);
    }
    out.flush();
    return 0;
  }
}
