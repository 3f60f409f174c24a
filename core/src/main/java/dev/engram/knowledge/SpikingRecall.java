package dev.engram.knowledge;

import java.util.List;

/**
 * What knowledge needs from the spiking brain: given the seed concepts of a question, the concepts
 * its assemblies activated, each with the activation of a control run. The spiking package
 * implements this; knowledge only merges and tags the result ({@link RecallMerger}).
 *
 * <p>The control is the implementer's to choose and document (e.g. the same number of steps from
 * random seed assemblies of equal size, or from the seeds with imprinted synapses shuffled); what
 * matters to the tags is that {@code beatsControl} is true only when the activation is not what an
 * unrelated seed would also have produced. Concepts are named by the concept keys or names the
 * graph gave them when the triples were imprinted; unknown names are allowed (spiking-only concepts).
 */
public interface SpikingRecall {

  /**
   * @param seeds concept names matched in the question, strongest match first
   * @param limit most activations to return
   * @return activations, any order; never null
   */
  List<SpikingActivation> recall(List<String> seeds, int limit);

  /**
   * One concept's assembly activity after a spiking recall.
   *
   * @param concept concept name (graph key or display name)
   * @param activation the assembly's activity in this recall (e.g. spikes per neuron), >= 0
   * @param controlActivation the same measure in the control run (the mean over control runs), >= 0
   * @param beatsControl the implementer's test that activation is above control (not noise)
   * @param predicted true when the activity came from the predictive region rather than association
   * @param controlRuns how many independent control runs were made (shuffled triples or random seeds of
   *     the same size); 0 when the implementer made one comparison only
   * @param controlsAtOrAbove how many of those runs activated this concept at least as much as this recall
   */
  record SpikingActivation(
      String concept, double activation, double controlActivation, boolean beatsControl, boolean predicted,
      int controlRuns, int controlsAtOrAbove) {
    public SpikingActivation {
      if (concept == null || concept.isBlank()) {
        throw new IllegalArgumentException("spiking activation needs a concept name");
      }
      if (!(activation >= 0) || !(controlActivation >= 0)) {
        throw new IllegalArgumentException(
            "activations must be >= 0, got " + activation + " and " + controlActivation + " for " + concept);
      }
      if (controlRuns < 0 || controlsAtOrAbove < 0 || controlsAtOrAbove > controlRuns) {
        throw new IllegalArgumentException("control counts must satisfy 0 <= atOrAbove <= runs, got "
            + controlsAtOrAbove + " of " + controlRuns + " for " + concept);
      }
    }

    /** One comparison with a control, no significance: such an activation can confirm, never be emergent. */
    public SpikingActivation(String concept, double activation, double controlActivation, boolean beatsControl,
        boolean predicted) {
      this(concept, activation, controlActivation, beatsControl, predicted, 0, 0);
    }

    /**
     * One-sided empirical p-value of "this activation is what a control would give":
     * (1 + controlsAtOrAbove) / (1 + controlRuns). 1 when no control runs were made; with 19 runs and none
     * reaching the activation it is 0.05, the smallest 19 runs can show.
     */
    public double pValue() {
      return (1.0 + controlsAtOrAbove) / (1.0 + controlRuns);
    }
  }
}
