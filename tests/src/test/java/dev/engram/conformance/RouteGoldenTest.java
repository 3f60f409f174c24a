package dev.engram.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import dev.engram.memory.MemoryConfig;
import dev.engram.neuron.Dispatcher;
import dev.engram.neuron.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs a conversation of observe and route turns through the Java {@link Dispatcher} over the shipped
 * router and writes target/golden/route.json, which the npm suite replays on the wasm build after
 * {@code loadRouter} with the same router.bpe and router.i8 bytes: routes, values, facts and confidence
 * bits must be identical. Kept apart from memory.json because the JS build (PolyglotParityTest) has no
 * router loaded.
 */
class RouteGoldenTest {
  static List<Step> turns() {
    List<Step> s = new ArrayList<>();
    s.add(new Step("setClock", Scripts.T0));
    s.add(new Step("observe", "team", "The deploy region is us-west-2."));
    s.add(new Step("observe", "team", "The gym opens at 6am."));
    String[] messages = {
      "what is the deploy region?",
      "where do we deploy?",
      "My dog is called Rex.",
      "did you know my cat is called Tom?",
      "what is the dog called?",
      "is the gym open right now?",
      "what's the weather in Paris right now?",
      "what is the price of bitcoin today?",
      "what is my sister's name?",
      "Summarise the plot of Hamlet in three sentences.",
      "when does the gym open?",
      "The wifi password is hunter2.",
      "what's the wifi password",
    };
    for (String m : messages) {
      s.add(new Step("route", "team", m));
    }
    s.add(new Step("route", "other", "what is the deploy region?"));
    s.add(new Step("route", "team", "   "));
    s.add(new Step("route", "", "what is the deploy region?"));
    s.add(new Step("size", "team"));
    return s;
  }

  static List<Outcome> run(List<Step> steps) {
    StepClock clock = new StepClock();
    Engram engram = new Engram(MemoryConfig.DEFAULT, clock);
    Dispatcher dispatcher = Dispatcher.shipped();
    List<Outcome> out = new ArrayList<>();
    for (Step step : steps) {
      if (step.op().equals("route")) {
        try {
          out.add(new Outcome(dispatcher.decide(engram, (String) step.args()[0], (String) step.args()[1]), null));
        } catch (IllegalArgumentException e) {
          out.add(new Outcome(null, e.getMessage()));
        }
      } else {
        out.add(Outcome.run(engram, clock, step));
      }
    }
    return out;
  }

  @Test
  void writesRouteGoldenVectors() throws IOException {
    List<Step> steps = turns();
    List<Outcome> outcomes = run(steps);
    String json = Json.golden(0, steps, outcomes);
    assertEquals(json, Json.golden(0, steps, run(steps)), "two runs of the same turns differ");

    Set<Route> seen = EnumSet.noneOf(Route.class);
    int errors = 0;
    for (Outcome o : outcomes) {
      if (o.result() instanceof Dispatcher.Decision d) {
        seen.add(d.route());
      }
      errors += o.error() != null ? 1 : 0;
    }
    assertEquals(EnumSet.allOf(Route.class), seen, "the turns should reach every route");
    assertTrue(errors >= 2, "the turns should exercise the argument errors, got " + errors);

    Path dir = Path.of(System.getProperty("engram.golden.dir", "target/golden"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("route.json"), json, StandardCharsets.UTF_8);
  }
}
