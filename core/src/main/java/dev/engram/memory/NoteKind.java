package dev.engram.memory;

/**
 * What a stored sentence is. Plain observations are {@link #FACT}; typed notes let a host keep
 * preferences, events, tasks and people apart and list them by kind. Every kind is recalled the same way.
 */
public enum NoteKind {
  FACT,
  PREFERENCE,
  EVENT,
  TASK,
  PERSON,
  INSTRUCTION;

  /** The kind named {@code name} (case-insensitive), with the valid names in the error. */
  public static NoteKind parse(String name) {
    if (name != null) {
      for (NoteKind k : values()) {
        if (k.name().equalsIgnoreCase(name.trim())) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown note kind '" + name + "'; use one of fact, preference, event, task, person, instruction");
  }

  public String label() {
    return name().toLowerCase();
  }
}
