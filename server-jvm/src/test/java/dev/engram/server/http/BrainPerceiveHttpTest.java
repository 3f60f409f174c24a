package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.brain.BrainHost;
import dev.engram.server.brain.Media;
import dev.engram.server.brain.Pictures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/brain/watch and /v1/brain/listen on an in-process server with a 10,000-neuron brain. */
class BrainPerceiveHttpTest {
  @TempDir Path tmp;

  private final ApiClient api = new ApiClient(() -> this.server.port());
  private InProcessServer server;

  @BeforeEach
  void start() throws IOException {
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp), BrainHost.create(0.005));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static String top(JsonNode percept) {
    return percept.get("ranked").isEmpty() ? "(nothing)" : percept.get("ranked").get(0).get("concept").asText();
  }

  @Test
  void bindsLabelsThenRecognisesNoisyVariants() throws Exception {
    ApiClient.ok(api.post("/v1/brain/step", "{\"ms\": 50}"));
    JsonNode bound = ApiClient.ok(api.post("/v1/brain/watch?label=red%20disc", Pictures.png(true, 0, 0, 1)));
    assertEquals("red disc", bound.get("label").asText());
    assertEquals("visual", bound.get("region").asText());
    assertEquals(128, bound.get("dimension").asInt());
    assertTrue(bound.get("boundSynapses").asInt() > 0, bound.toString());
    ApiClient.ok(api.post("/v1/brain/watch?label=blue%20stripes", Pictures.png(false, 0, 0, 1)));
    ApiClient.ok(api.post("/v1/brain/listen?label=low%20tone", Pictures.wav(true, 1, 0, 1)));
    ApiClient.ok(api.post("/v1/brain/listen?label=rising%20chirp", Pictures.wav(false, 1, 0, 1)));
    assertEquals(4, ApiClient.ok(api.get("/v1/brain/status")).get("concepts").asInt());

    JsonNode disc = ApiClient.ok(api.post("/v1/brain/watch?k=3", Pictures.png(true, -2, 40, 3)));
    assertTrue(disc.get("label").isNull());
    assertEquals(0, disc.get("boundSynapses").asInt());
    assertTrue(disc.get("cosine").asDouble() > 0.85, disc.toString());
    assertTrue(disc.get("ranked").size() <= 3);
    assertEquals("red disc", top(disc), disc.toString());
    assertEquals("blue stripes", top(ApiClient.ok(api.post("/v1/brain/watch", Pictures.png(false, -2, 40, 4)))));
    assertEquals("low tone", top(ApiClient.ok(api.post("/v1/brain/listen", Pictures.wav(true, 0.7, 0.03, 5)))));
    JsonNode chirp = ApiClient.ok(api.post("/v1/brain/listen", Pictures.wav(false, 0.7, 0.03, 6)));
    assertEquals("auditory", chirp.get("region").asText());
    assertEquals("rising chirp", top(chirp), chirp.toString());
  }

  @Test
  void badBodiesAndParametersAreJson4xx() throws Exception {
    ApiClient.rejected(400, "the image is empty", api.post("/v1/brain/watch", new byte[0]));
    ApiClient.rejected(400, "not an image this server can read", api.post("/v1/brain/watch", "{}"));
    ApiClient.rejected(400, "not a WAV file", api.post("/v1/brain/listen", "{}"));
    ApiClient.rejected(400, "unknown query parameter 'lable'", api.post("/v1/brain/watch?lable=x", Pictures.png(true, 0, 0, 1)));
    ApiClient.rejected(400, "blank", api.post("/v1/brain/watch?label=%20", Pictures.png(true, 0, 0, 1)));
    ApiClient.rejected(400, "k must be between 1 and 100", api.post("/v1/brain/listen?k=0", Pictures.wav(true, 1, 0, 1)));
    ApiClient.rejected(400, "all zeros", api.post("/v1/brain/listen", Pictures.wav(true, 0, 0, 1)));
    ApiClient.rejected(413, "the limit is " + Media.MAX_BYTES, api.post("/v1/brain/watch", new byte[Media.MAX_BYTES + 1]));
    assertEquals(0, ApiClient.ok(api.get("/v1/brain/status")).get("concepts").asInt(), "a refused call must not bind");
  }
}
