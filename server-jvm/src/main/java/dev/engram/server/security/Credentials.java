package dev.engram.server.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.engram.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The secrets that open the API, held as SHA-256 hashes only.
 *
 * <p>The master key reaches every endpoint. A scope token reaches only the endpoints of its scope. A token
 * file lists one token per line as {@code SHA256-HEX SCOPE} (64 lowercase or uppercase hex digits, spaces,
 * then the scope name up to the end of the line; {@code #} starts a comment line); {@code engram token SCOPE}
 * prints a fresh token and its line. The file never holds a token itself, so reading it reveals nothing usable.
 *
 * <p>Why hashes: comparing two fixed-length digests with {@link MessageDigest#isEqual} takes the same time
 * wherever they differ, and a presented token of any length is hashed first, so neither the position of the
 * first wrong byte nor the key's length shows in the response time. Every scope token is compared on every
 * request (no early exit), so the time does not tell which entry matched either.
 */
public final class Credentials {
  /** Shortest master key accepted: 16 chars leave no room for a guessable word. */
  public static final int MIN_KEY_CHARS = 16;

  private static final Credentials OPEN = new Credentials(null, List.of());

  private final byte[] masterHash;
  private final List<Entry> tokens;

  private record Entry(byte[] hash, String scope) {}

  /**
   * What a valid bearer token grants.
   *
   * @param scope the one scope it reaches, or {@code null} for the master key (everything)
   */
  public record Grant(String scope) {
    static final Grant MASTER = new Grant(null);

    public boolean master() {
      return scope == null;
    }

    /** Whether this grant may read and write {@code other}. */
    public boolean reaches(String other) {
      return scope == null || scope.equals(other);
    }
  }

  private Credentials(byte[] masterHash, List<Entry> tokens) {
    this.masterHash = masterHash;
    this.tokens = List.copyOf(tokens);
  }

  /** No key and no tokens: every request is let in (the default for a server bound to 127.0.0.1). */
  public static Credentials open() {
    return OPEN;
  }

  /** A master key given directly (tests, and {@link #load}); the key itself is not kept. */
  public static Credentials master(String key) {
    return new Credentials(sha256(checkKey(key, "the key")), List.of());
  }

  /** These credentials plus one scope token (tests; a server reads tokens from a file). */
  public Credentials withToken(String scope, String token) {
    Limits.checkScope(scope);
    List<Entry> more = new ArrayList<>(tokens);
    more.add(new Entry(sha256(checkKey(token, "a scope token")), scope));
    return new Credentials(masterHash, more);
  }

  /**
   * Reads the master key from {@code envKey} (ENGRAM_KEY) or {@code keyFile}, and scope tokens from
   * {@code tokensFile}; each may be null. Warns through {@code warnings} when a secret file is readable by
   * other users.
   *
   * @throws IllegalArgumentException for a short key, both key sources at once, or a bad token line (its
   *     number is named; its content never is)
   */
  public static Credentials load(String envKey, Path keyFile, Path tokensFile, Consumer<String> warnings)
      throws IOException {
    String key = secret(envKey, "ENGRAM_KEY", keyFile, "--key-file", warnings);
    byte[] master = key == null ? null : sha256(checkKey(key, "the master key"));
    List<Entry> entries = new ArrayList<>();
    if (tokensFile != null) {
      warnIfShared(tokensFile, warnings);
      entries = parseTokens(read(tokensFile, "--tokens"), tokensFile.toString());
    }
    return new Credentials(master, entries);
  }

  /**
   * A secret given by environment variable or by file, never on the command line (where {@code ps} and
   * shell history would show it): {@code envValue} (the variable {@code envName}; empty counts as unset)
   * or the stripped content of {@code file} (option {@code option}), or null when neither is set. Both at
   * once is refused; a file readable by other users is warned about.
   */
  public static String secret(String envValue, String envName, Path file, String option, Consumer<String> warnings)
      throws IOException {
    if (envValue != null && envValue.isEmpty()) {
      envValue = null;
    }
    if (envValue != null && file != null) {
      throw new IllegalArgumentException("the secret is set twice (" + envName + " and " + option + "); unset one");
    }
    if (envValue != null) {
      return envValue.strip();
    }
    if (file == null) {
      return null;
    }
    warnIfShared(file, warnings);
    return read(file, option).strip();
  }

  /** Parses a tokens file's text; {@code where} names it in errors. */
  static List<Entry> parseTokens(String text, String where) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = 0;
      while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
        space++;
      }
      String hex = line.substring(0, space);
      String scope = line.substring(space).strip();
      String at = where + " line " + (i + 1);
      if (hex.length() != 64 || !isHex(hex)) {
        throw new IllegalArgumentException(at + ": expected 'SHA256-HEX SCOPE' (64 hex digits, then the scope;"
            + " engram token SCOPE prints such a line)");
      }
      if (scope.isEmpty()) {
        throw new IllegalArgumentException(at + ": the scope name is missing after the hash");
      }
      try {
        Limits.checkScope(scope);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage());
      }
      byte[] hash = HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
      for (Entry e : entries) {
        if (MessageDigest.isEqual(e.hash, hash)) {
          throw new IllegalArgumentException(at + ": the same token hash is listed twice");
        }
      }
      entries.add(new Entry(hash, scope));
    }
    return entries;
  }

  /** Whether any secret is configured: then every protected request needs a bearer token. */
  public boolean enabled() {
    return masterHash != null || !tokens.isEmpty();
  }

  /** How many scope tokens are loaded (for the start-up line; never the tokens themselves). */
  public int scopeTokens() {
    return tokens.size();
  }

  /** Whether a master key is configured. */
  public boolean hasMaster() {
    return masterHash != null;
  }

  /**
   * What the {@code Authorization} header grants: {@link Grant#MASTER}, a scope grant, or {@code null} when it
   * is missing, malformed or matches nothing. Open credentials grant everything.
   */
  public Grant check(String authorization) {
    if (!enabled()) {
      return Grant.MASTER;
    }
    if (authorization == null || authorization.length() < 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    byte[] presented = sha256(authorization.substring(7).strip());
    boolean isMaster = masterHash != null && MessageDigest.isEqual(masterHash, presented);
    String scope = null;
    for (Entry e : tokens) {
      // Every entry is compared, so the time does not depend on which one matches.
      if (MessageDigest.isEqual(e.hash, presented)) {
        scope = e.scope;
      }
    }
    if (isMaster) {
      return Grant.MASTER;
    }
    return scope == null ? null : new Grant(scope);
  }

  /** A fresh random token (32 bytes, hex) and its tokens-file line. */
  public record Minted(String token, String line) {}

  public static Minted mint(String scope) {
    Limits.checkScope(scope);
    byte[] raw = new byte[32];
    new java.security.SecureRandom().nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    return new Minted(token, HexFormat.of().formatHex(sha256(token)) + " " + scope);
  }

  /** The tokens-file hash of {@code token}, for a token made elsewhere. */
  public static String hashHex(String token) {
    return HexFormat.of().formatHex(sha256(checkKey(token, "the token")));
  }

  private static String checkKey(String key, String what) {
    if (key == null || key.strip().length() < MIN_KEY_CHARS) {
      throw new IllegalArgumentException(what + " is " + (key == null ? 0 : key.strip().length()) + " chars; use at least "
          + MIN_KEY_CHARS + " (for example: openssl rand -hex 32)");
    }
    return key.strip();
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String read(Path file, String option) throws IOException {
    try {
      return Files.readString(file, UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + " " + file + " does not exist");
    }
  }

  private static void warnIfShared(Path file, Consumer<String> warnings) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
        warnings.accept(file + " is readable by other users; chmod 600 it");
      }
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: nothing to check.
    }
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
