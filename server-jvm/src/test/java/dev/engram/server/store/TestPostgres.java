package dev.engram.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server for tests, started from Debian's binaries ({@code /usr/lib/postgresql/N/bin},
 * package postgresql). PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user
 * through {@code runuser}. Without the binaries the calling test is skipped with a message saying so.
 */
public final class TestPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final boolean asPostgres;
  public final int port;

  private TestPostgres(Path bin, Path dir, boolean asPostgres, int port) {
    this.bin = bin;
    this.dir = dir;
    this.asPostgres = asPostgres;
    this.port = port;
  }

  /** {@code postgresql://engram@127.0.0.1:PORT/engram} (trust authentication, local only). */
  public String url() {
    return "postgresql://engram@127.0.0.1:" + port + "/engram";
  }

  public static TestPostgres start() throws Exception {
    Path bin = findBin();
    Assumptions.assumeTrue(bin != null, "PostgreSQL test skipped: no PostgreSQL server binaries found under"
        + " /usr/lib/postgresql/*/bin (install the Debian package postgresql to run it)");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir;
    if (root) {
      dir = Path.of(run(false, List.of("runuser", "-u", "postgres", "--", "mktemp", "-d", "/tmp/engram-pg.XXXXXX")).strip());
    } else {
      dir = Files.createTempDirectory("engram-pg");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestPostgres pg = new TestPostgres(bin, dir, root, port);
    try {
      pg.as(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "engram",
          "--auth=trust", "-E", "UTF8", "--no-sync"));
      pg.as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
          "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
          "start"));
      pg.as(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "engram",
          "engram"));
    } catch (Exception e) {
      pg.close();
      throw e;
    }
    return pg;
  }

  private static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.naturalOrder())
          .orElse(null);
    }
  }

  private String as(List<String> command) throws Exception {
    return run(asPostgres, command);
  }

  private static String run(boolean asPostgres, List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " failed: " + new String(out, UTF_8));
    }
    return new String(out, UTF_8);
  }

  @Override
  public void close() throws Exception {
    try {
      as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
    } catch (IOException ignored) {
      // not started
    }
    run(asPostgres, List.of("rm", "-rf", dir.toString()));
  }
}
