package io.parley.messaging;

import java.util.List;

/** Where copies of held messages live (see {@link HeldCopy}). */
public interface HeldMessages {

  void keep(HeldCopy copy);

  /** The room's held copies in seq order. */
  List<HeldCopy> inRoom(String roomId);

  /** The held copies of what the person wrote, oldest first. */
  List<HeldCopy> bySender(String senderId);

  /** Every held copy (to release those no hold covers any more). */
  List<HeldCopy> all();

  /** Whether a held copy has this file (then only administrators may read it). */
  boolean keepsFile(String fileId);

  void drop(String roomId, long seq);

  HeldMessages NONE =
      new HeldMessages() {
        @Override
        public void keep(HeldCopy copy) {}

        @Override
        public List<HeldCopy> inRoom(String roomId) {
          return List.of();
        }

        @Override
        public List<HeldCopy> bySender(String senderId) {
          return List.of();
        }

        @Override
        public List<HeldCopy> all() {
          return List.of();
        }

        @Override
        public boolean keepsFile(String fileId) {
          return false;
        }

        @Override
        public void drop(String roomId, long seq) {}
      };
}
