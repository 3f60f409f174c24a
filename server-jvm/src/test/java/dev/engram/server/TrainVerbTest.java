package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.neuron.Route;
import dev.engram.neuron.Router;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engram train} with a tiny recipe (a few seconds): progress, the two files, a loadable router, same seed same bytes. */
class TrainVerbTest {
  @TempDir Path tmp;

  private static final String[] TINY = {"--steps", "30", "--batch", "4", "--examples", "300", "--validation", "40",
      "--vocab", "300", "--context", "64", "--dim", "16", "--heads", "2", "--layers", "1", "--ffn", "32"};

  private String[] args(Path out, String seed) {
    String[] a = new String[TINY.length + 5];
    a[0] = "train";
    a[1] = "--out";
    a[2] = out.toString();
    a[3] = "--seed";
    a[4] = seed;
    System.arraycopy(TINY, 0, a, 5, TINY.length);
    return a;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void trainsWritesLoadableWeightsAndIsReproducible() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path a = tmp.resolve("a");
    assertEquals(0, run(out, err, args(a, "3")), out + "\n" + err);
    String text = out.toString();
    assertTrue(text.contains("step 30/30"), text);
    assertTrue(text.contains("] step "), "a progress bar: " + text);
    assertTrue(text.contains("done: validation "), text);
    byte[] model = Files.readAllBytes(a.resolve("router.i8"));
    byte[] tok = Files.readAllBytes(a.resolve("router.bpe"));
    assertFalse(Files.exists(a.resolve("router.ckpt")), "a finished run leaves no checkpoint to resume");
    Router router = Router.fromBytes(tok, model);
    assertEquals(Route.values().length, router.probabilities(new String[0], "is it raining in Oslo right now?").length);

    Path b = tmp.resolve("b");
    assertEquals(0, run(new StringWriter(), new StringWriter(), args(b, "3")));
    assertArrayEquals(model, Files.readAllBytes(b.resolve("router.i8")), "same seed, same weights");
    assertArrayEquals(tok, Files.readAllBytes(b.resolve("router.bpe")));
  }

  @Test
  void badSettingsAreBadInput() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] a = args(tmp.resolve("c"), "3");
    a[6] = "0"; // --steps 0
    assertEquals(Cli.BAD_INPUT, run(out, err, a), out + "\n" + err);
    assertTrue(err.toString().contains("steps must be >= 1"), err.toString());
    assertEquals(Cli.BAD_INPUT, run(new StringWriter(), new StringWriter(), "train"), "--out is required");
  }
}
