package dev.engram.bench;

/** Heap measurement shared by the benchmarks. */
final class Heap {
  private Heap() {}

  /** Bytes of heap in use once a few collections have had time to settle: compare two readings. */
  static long used() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
