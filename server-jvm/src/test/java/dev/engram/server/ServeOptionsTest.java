package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.http.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** engram serve binds loopback unless told otherwise, and no option takes a secret on the command line. */
class ServeOptionsTest {
  @Test
  void serveBindsLoopbackByDefault() {
    CommandLine line = new CommandLine(new Cli());
    CommandLine.ParseResult parsed = line.parseArgs("serve");
    Cli.Serve serve = (Cli.Serve) parsed.subcommand().commandSpec().userObject();
    assertEquals("127.0.0.1", serve.host);
    assertEquals(HttpServer.DEFAULT_TIMEOUT_MS / 1000.0, serve.requestTimeout);
  }

  @Test
  void secretsComeFromFilesOrTheEnvironmentNeverFromArguments() {
    CommandLine serve = new CommandLine(new Cli()).getSubcommands().get("serve");
    Set<String> names = new TreeSet<>();
    serve.getCommandSpec().options().forEach(o -> names.addAll(Set.of(o.names())));
    assertTrue(names.contains("--key-file") && names.contains("--tokens"), names.toString());
    for (String name : names) {
      assertFalse(name.equals("--key") || name.equals("--token") || name.equals("--password"), name);
    }
    StringWriter err = new StringWriter();
    int code = Cli.run(new String[] {"serve", "--key", "not-a-real-key-0123456789"}, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Cli.BAD_INPUT, code);
    assertTrue(err.toString().contains("--key"), "[" + err + "]");
  }

  @Test
  void tokenMintsALineForTheTokensFile() {
    StringWriter out = new StringWriter();
    int code = Cli.run(new String[] {"token", "team a", "--json"}, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(Cli.OK, code);
    String json = out.toString();
    assertTrue(json.matches("(?s)\\{\"scope\":\"team a\",\"token\":\"[0-9a-f]{64}\",\"line\":\"[0-9a-f]{64} team a\"}\\s*"), json);
  }
}
