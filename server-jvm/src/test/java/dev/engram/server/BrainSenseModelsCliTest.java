package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.brain.Pictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram brain --image-model/--audio-model}: watch and listen encode with an ONNX model instead of the
 * built-in encoders. The models are the tiny ones the onnx module's GoldenVectorsTest builds (a 12-d CLIP-shaped
 * image model, a 10-d Whisper-shaped audio model) in onnx/target/onnx-golden, which the reactor builds first.
 */
class BrainSenseModelsCliTest {
  private static final Path MODELS = Path.of("..", "onnx", "target", "onnx-golden");

  @TempDir Path tmp;


  private CliRun in(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", tmp.resolve("db").toString(), "brain", "--scale", "0.005"));
    all.addAll(Arrays.asList(args));
    return CliRun.of(new byte[0], all.toArray(new String[0]));
  }

  private Path model(String name) {
    Path p = MODELS.resolve(name);
    assertTrue(Files.isRegularFile(p), p.toAbsolutePath() + " is missing: run the onnx module's tests first (mvn -pl onnx,server-jvm verify)");
    return p;
  }

  private Path file(String name, byte[] bytes) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void watchAndListenEncodeWithTheGivenModels() throws Exception {
    String image = model("image.model").toString();
    String audio = model("audio.model").toString();
    CliRun watched = in("--image-model", image, "watch", file("disc.png", Pictures.png(true, 0, 0, 1)).toString(), "--label", "red disc", "--json");
    assertEquals(0, watched.code(), watched.toString());
    JsonNode w = Json.MAPPER.readTree(watched.out());
    assertEquals(12, w.get("dimension").asInt(), "the tiny image model's width, not the built-in 128: " + watched.out());
    assertEquals("red disc", w.get("label").asText());

    CliRun heard = in("--audio-model", audio, "listen", file("tone.wav", Pictures.wav(true, 1, 0, 1)).toString(), "--json");
    assertEquals(0, heard.code(), heard.toString());
    assertEquals(10, Json.MAPPER.readTree(heard.out()).get("dimension").asInt(), heard.out());

    // Without the option the built-in encoder is back.
    CliRun builtIn = in("watch", file("disc2.png", Pictures.png(true, 0, 0, 2)).toString(), "--json");
    assertEquals(128, Json.MAPPER.readTree(builtIn.out()).get("dimension").asInt(), builtIn.out());
  }

  @Test
  void aMissingOrMismatchedModelIsAClearError() throws Exception {
    Path png = file("disc.png", Pictures.png(true, 0, 0, 1));
    CliRun missing = in("--image-model", tmp.resolve("nope.model").toString(), "watch", png.toString());
    assertEquals(Cli.BAD_INPUT, missing.code(), missing.toString());
    assertTrue(missing.err().contains("nope.model") && missing.err().contains("does not exist"), missing.err());

    CliRun wrongKind = in("--image-model", model("audio.model").toString(), "watch", png.toString());
    assertEquals(Cli.BAD_INPUT, wrongKind.code(), wrongKind.toString());
    assertTrue(wrongKind.err().contains("audio model, not an image model"), wrongKind.err());
  }
}
