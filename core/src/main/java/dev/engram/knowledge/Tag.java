package dev.engram.knowledge;

/**
 * Where an association came from. Each tag has one meaning, and the merge only assigns it when the
 * meaning holds.
 */
public enum Tag {
  /** Reached by the concept graph only: a chain of learned triples leads there; the spiking brain did not beat its control for it (or was not asked). */
  EXPLICIT("explicit"),
  /** Reached by the concept graph AND by spiking recall with activation above the control. */
  CONFIRMED("confirmed"),
  /** Not reachable through the graph, yet the spiking recall activated it above its control runs with p at most the merge's emergentAlpha (0.05 by default). */
  EMERGENT("emergent"),
  /** Proposed by the spiking brain's predictive region, above control, and not reachable through the graph. */
  PREDICTED("predicted");

  private final String label;

  Tag(String label) {
    this.label = label;
  }

  /** "explicit", "confirmed", ... as printed between brackets. */
  public String label() {
    return label;
  }
}
