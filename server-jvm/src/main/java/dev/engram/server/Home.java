package dev.engram.server;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the engram checkout the running jar belongs to, so {@code serve} can find web-lab/ and npm/dist
 * without configuration: the system property {@code engram.home} when set, else the directory three
 * levels above the jar or classes directory ({@code <root>/server-jvm/target/…}), else the working
 * directory.
 */
final class Home {
  private Home() {}

  static Path root() {
    String property = System.getProperty("engram.home");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    try {
      Path code = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent() != null && code.getParent().getParent() != null
          ? code.getParent().getParent().getParent()
          : null;
      if (root != null && Files.isDirectory(root.resolve("server-jvm"))) {
        return root;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
