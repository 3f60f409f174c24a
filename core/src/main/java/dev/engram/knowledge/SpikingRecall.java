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
   * @param controlActivation the same measure in the control run, >= 0
   * @param beatsControl the implementer's test that activation is above control (not noise)
   * @param predicted true when the activity came from the predictive region rather than association
   */
  record SpikingActivation(
      String concept, double activation, double controlActivation, boolean beatsControl, boolean predicted) {
    public SpikingActivation {
      if (concept == null || concept.isBlank()) {
        throw new IllegalArgumentException("spiking activation needs a concept name");
      }
      if (!(activation >= 0) || !(controlActivation >= 0)) {
        throw new IllegalArgumentException(
            "activations must be >= 0, got " + activation + " and " + controlActivation + " for " + concept);
      }
    }
  }
}
