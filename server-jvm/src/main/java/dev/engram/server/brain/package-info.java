/**
 * The spiking brain's JVM-only machinery: {@link dev.engram.server.brain.ParallelStepper} steps a
 * {@link dev.engram.spiking.Brain} on several threads from the core's public phases with exactly the serial
 * result. Owns threads and their buffers; must not hold neuron or plasticity logic (that stays in core's
 * {@code dev.engram.spiking}, which must stay free of threads) nor CLI/HTTP wiring.
 */
package dev.engram.server.brain;
