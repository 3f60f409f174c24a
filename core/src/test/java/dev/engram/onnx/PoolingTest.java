package dev.engram.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolingTest {
  // [1, 3, 2]: rows (3, 0), (0, 4), (100, 100); the last is padding in the masked cases.
  static final float[] OUT = {3, 0, 0, 4, 100, 100};
  static final long[] SHAPE = {1, 3, 2};

  @Test
  void meanSkipsMaskedRowsAndNormalises() {
    assertArrayEquals(new float[] {0.6f, 0.8f}, Pooling.MEAN.pool(OUT, SHAPE, new int[] {1, 1, 0}), 1e-7f);
    float[] all = Pooling.MEAN.pool(OUT, SHAPE, null);
    assertArrayEquals(new float[] {(float) (103 / Math.hypot(103, 104)), (float) (104 / Math.hypot(103, 104))}, all, 1e-7f);
  }

  @Test
  void clsTakesTheFirstRowAndNoneTheWholeVector() {
    assertArrayEquals(new float[] {1, 0}, Pooling.CLS.pool(OUT, SHAPE, new int[] {1, 1, 0}), 0f);
    assertArrayEquals(new float[] {0.6f, 0.8f}, Pooling.NONE.pool(new float[] {3, 4}, new long[] {1, 2}, null), 1e-7f);
    assertArrayEquals(new float[] {0, 0}, Pooling.NONE.pool(new float[] {0, 0}, new long[] {2}, null), 0f, "a zero vector stays zero");
  }

  @Test
  void shapeMistakesAreExplained() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.NONE.pool(OUT, SHAPE, null)).getMessage().contains("pooling = mean or cls"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.MEAN.pool(new float[] {1, 2}, new long[] {1, 2}, null)).getMessage().contains("pooling = none"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.MEAN.pool(OUT, new long[] {1, 2, 2}, null)).getMessage().contains("4"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Pooling.MEAN.pool(OUT, SHAPE, new int[] {1})).getMessage().contains("mask"));
    assertThrows(IllegalArgumentException.class, () -> Pooling.MEAN.pool(OUT, new long[] {1, -1, 2}, null));
  }
}
