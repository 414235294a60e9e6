package io.parley.threads;

import java.util.List;

/** A thread got a reply: its followers' pages update their Threads link and list. */
public record ThreadActivity(String roomId, long parentSeq, List<String> followers)
    implements java.io.Serializable {

  public ThreadActivity {
    followers = List.copyOf(followers);
  }
}
