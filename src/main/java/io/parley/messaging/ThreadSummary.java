package io.parley.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies to a message: how many, their seqs (a thread is read by its keys), when the last one
 * came, and who took part (the parent's author first).
 */
public record ThreadSummary(List<Long> replySeqs, Instant lastReplyAt, List<String> participants)
    implements Serializable {

  public static final ThreadSummary NONE = new ThreadSummary(List.of(), null, List.of());

  public ThreadSummary {
    replySeqs = replySeqs == null ? List.of() : List.copyOf(replySeqs);
    participants = participants == null ? List.of() : List.copyOf(participants);
  }

  public int replies() {
    return replySeqs.size();
  }

  public long lastReplySeq() {
    return replySeqs.isEmpty() ? 0 : replySeqs.get(replySeqs.size() - 1);
  }

  /** The summary once {@code reply} was added to the thread of {@code parent}. */
  public ThreadSummary with(Message parent, Message reply) {
    List<Long> seqs = new ArrayList<>(replySeqs);
    seqs.add(reply.seq());
    List<String> people = new ArrayList<>(participants);
    if (people.isEmpty()) {
      people.add(parent.senderId());
    }
    if (!people.contains(reply.senderId())) {
      people.add(reply.senderId());
    }
    return new ThreadSummary(seqs, reply.createdAt(), people);
  }

  /**
   * The key under which a person's read mark of a thread is kept (beside the room's own, in the
   * same store of watermarks).
   */
  public static String readKey(String roomId, long parentSeq) {
    return roomId + "/thread/" + parentSeq;
  }

  /** Whether the person follows the thread: they wrote the parent or a reply. */
  public boolean follows(String userId) {
    return participants.contains(userId);
  }
}
