package dev.engram.spiking;

import java.util.List;

/**
 * What the brain made of one embedding shown to a sensory region ({@link Brain#perceive}).
 *
 * @param region the sensory region that received the code
 * @param label the concept the percept was bound to, or null when it was only recognised
 * @param dimension the embedding's length
 * @param groupSize excitatory cells per dimension
 * @param decoded the rate-decoded vector: each group's spikes per cell beyond the neutral code's, mapped back
 *     through the code to standardised units and centred (compare with the embedding times sqrt(dimension))
 * @param cosine cosine between {@code decoded} and the embedding: how much of the vector survived the trip
 *     through spikes
 * @param ranked concept assemblies the percept drove, by spikes beyond those the neutral code drove (for a
 *     labelled percept: before the binding was written)
 * @param steps clock steps of one pass (window plus read-out)
 * @param sensorySpikes spikes the sensory region's excitatory cells fired in the window
 * @param boundSynapses learned synapses written or strengthened by the binding (0 without a label)
 */
public record Percept(String region, String label, int dimension, int groupSize, float[] decoded, double cosine,
                      List<Recall.Hit> ranked, int steps, long sensorySpikes, int boundSynapses) {}
