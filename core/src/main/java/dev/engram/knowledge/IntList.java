package dev.engram.knowledge;

import java.util.Arrays;

/** A growable {@code int[]}: the adjacency and index lists of the graph, without boxing. */
final class IntList {
  private int[] items;
  private int size;

  IntList() {
    items = new int[4];
  }

  int size() {
    return size;
  }

  int get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " of " + size);
    }
    return items[i];
  }

  void add(int v) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = v;
  }

  boolean contains(int v) {
    for (int i = 0; i < size; i++) {
      if (items[i] == v) {
        return true;
      }
    }
    return false;
  }

  void clear() {
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(items, size);
  }
}
