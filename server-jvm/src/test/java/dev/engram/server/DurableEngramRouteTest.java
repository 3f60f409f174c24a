package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.engram.Engram;
import dev.engram.neuron.Dispatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurableEngram#route} re-states {@link Dispatcher#decide} so that a STORE is logged before it is
 * applied; this pins the two to the same decisions, turn by turn, over the same conversation.
 */
class DurableEngramRouteTest {
  @TempDir Path tmp;

  @Test
  void sameDecisionsAsTheDispatcherOnAPlainEngram() throws Exception {
    String[] turns = {
      "The deploy region is us-west-2.",
      "what is the deploy region?",
      "My dog is called Rex.",
      "did you know my cat is called Tom?",
      "what is the dog called?",
      "is the gym open right now?",
      "what's the weather in Paris right now?",
      "what is my sister's name?",
    };
    Dispatcher dispatcher = Dispatcher.shipped();
    Engram plain = new Engram();
    List<String> warnings = new ArrayList<>();
    try (DurableEngram durable = DurableEngram.open(tmp, warnings::add)) {
      for (String turn : turns) {
        Dispatcher.Decision want = dispatcher.decide(plain, "s", turn);
        Dispatcher.Decision got = durable.route(dispatcher, "s", turn);
        assertEquals(want.route(), got.route(), turn);
        assertEquals(want.value(), got.value(), turn);
        assertArrayEquals(want.facts(), got.facts(), turn);
        assertEquals(want.confidence(), got.confidence(), turn);
      }
      assertEquals(plain.size("s"), durable.size("s"));
    }
    try (DurableEngram reopened = DurableEngram.open(tmp, warnings::add)) {
      assertEquals(plain.size("s"), reopened.size("s"), "every STORE was logged");
    }
    assertEquals(List.of(), warnings);
  }
}
