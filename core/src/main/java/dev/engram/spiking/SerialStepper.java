package dev.engram.spiking;

/** The single-threaded reference stepper: every phase over everything, in order. */
public final class SerialStepper implements Stepper {
  public static final SerialStepper INSTANCE = new SerialStepper();

  @Override
  public void step(Brain b) {
    int count = b.updateNeurons(0, b.neuronCount(), b.spikeBuffer(), 0);
    b.commitSpikes(count);
    b.learn();
    b.deliver(0, count);
    b.endStep();
  }
}
