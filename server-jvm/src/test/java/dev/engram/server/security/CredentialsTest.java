package dev.engram.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path tmp;

  @Test
  void openCredentialsGrantEverything() {
    assertFalse(Credentials.open().enabled());
    assertTrue(Credentials.open().check(null).master());
  }

  @Test
  void aKeyFileAndATokensFileLoadAndOnlyHashesAreWritten() throws Exception {
    Path keyFile = tmp.resolve("key");
    Files.writeString(keyFile, "0123456789abcdef0123\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    Credentials.Minted a = Credentials.mint("team a");
    Credentials.Minted b = Credentials.mint("b");
    assertFalse(a.line().contains(a.token()));
    Path tokens = tmp.resolve("tokens");
    // Upper-case hex is accepted too.
    String bUpper = b.line().substring(0, 64).toUpperCase() + " b";
    Files.writeString(tokens, "# engram tokens\n\n" + a.line() + "\n  " + bUpper + "\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
    List<String> warnings = new ArrayList<>();
    Credentials c = Credentials.load(null, keyFile, tokens, warnings::add);
    assertEquals(List.of(), warnings);
    assertTrue(c.enabled() && c.hasMaster());
    assertEquals(2, c.scopeTokens());
    assertTrue(c.check("Bearer 0123456789abcdef0123").master(), "the file's trailing newline is not part of the key");
    assertEquals("team a", c.check("Bearer " + a.token()).scope());
    assertEquals("b", c.check("Bearer " + b.token()).scope());
    assertNull(c.check("Bearer " + a.line()), "the hash itself opens nothing");
    assertNull(c.check(null));
    assertTrue(c.check("Bearer " + a.token()).reaches("team a"));
    assertFalse(c.check("Bearer " + a.token()).reaches("b"));
  }

  @Test
  void aSharedSecretFileIsWarnedAbout() throws Exception {
    Path keyFile = tmp.resolve("key");
    Files.writeString(keyFile, "0123456789abcdef0123");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> warnings = new ArrayList<>();
    Credentials.load(null, keyFile, null, warnings::add);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("chmod 600"), warnings.toString());
  }

  @Test
  void badInputIsRefusedWithoutEchoingSecrets() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.load("short-secret", null, null, w -> { }));
    assertTrue(e.getMessage().contains("at least 16") && !e.getMessage().contains("short-secret"), e.getMessage());
    Path keyFile = tmp.resolve("key");
    Files.writeString(keyFile, "0123456789abcdef0123");
    e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.load("0123456789abcdef0123", keyFile, null, w -> { }));
    assertTrue(e.getMessage().contains("set twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.load(null, tmp.resolve("missing"), null, w -> { }));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

    String good = Credentials.mint("a").line();
    String[][] cases = {
        {"the-raw-token-not-a-hash team", "line 1", "64 hex digits"},
        {good + "\n" + good.substring(0, 64), "line 2", "scope name is missing"},
        {good + "\n" + good, "line 2", "listed twice"},
        {good.substring(0, 64) + " " + "x".repeat(201), "line 1", "limit is 200"}};
    for (String[] bad : cases) {
      Path tokens = tmp.resolve("tokens");
      Files.writeString(tokens, bad[0]);
      e = assertThrows(IllegalArgumentException.class, () -> Credentials.load(null, null, tokens, w -> { }));
      assertTrue(e.getMessage().contains(bad[1]) && e.getMessage().contains(bad[2]), e.getMessage());
      assertFalse(e.getMessage().contains("the-raw-token"), e.getMessage());
    }
  }

  @Test
  void anEmptyEnvironmentKeyMeansNoKey() throws Exception {
    assertFalse(Credentials.load("", null, null, w -> { }).enabled());
  }
}
