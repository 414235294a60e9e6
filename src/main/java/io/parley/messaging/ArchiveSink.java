package io.parley.messaging;

/** Where an export writes: the messages people see, and copies a legal hold keeps. */
@FunctionalInterface
public interface ArchiveSink {

  void write(Message message);

  /** A deleted message a hold kept; a sink that cannot mark it writes what it was. */
  default void write(HeldCopy copy) {
    write(copy.original());
  }
}
