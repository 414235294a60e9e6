package io.parley.threads;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.messaging.ThreadSummary;
import io.parley.receipts.ReceiptStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The threads inbox. Each stored reply makes its thread followed by the parent's author, everyone
 * who replied and everyone the reply mentions, and moves it to the top of their inboxes; the inbox
 * shows only threads of rooms the person may still read, with the replies after their read mark of
 * that thread counted as unread.
 */
public final class ThreadInbox {

  /** How many threads the inbox lists. */
  public static final int SHOWN = 50;

  /** A thread as the inbox lists it: its first message (with its summary) and unread replies. */
  public record Entry(ThreadFollow follow, Message parent, int unread) {}

  private final ThreadFollowStore store;
  private final MessageService messages;
  private final ReceiptStore receipts;
  private volatile Consumer<ThreadActivity> activity = a -> {};

  public ThreadInbox(ThreadFollowStore store, MessageService messages, ReceiptStore receipts) {
    this.store = store;
    this.messages = messages;
    this.receipts = receipts;
  }

  public void onActivity(Consumer<ThreadActivity> listener) {
    this.activity = listener;
  }

  /** Told of each stored message: a reply updates its thread's followers. */
  public void posted(Message m) {
    if (m.threadOf() <= 0 || m.deleted()) {
      return;
    }
    Message parent;
    try {
      parent = messages.message(m.senderId(), m.roomId(), m.threadOf());
    } catch (DomainException gone) {
      return;
    }
    Set<String> followers = new LinkedHashSet<>();
    followers.add(parent.senderId());
    followers.addAll(parent.thread().participants());
    followers.add(m.senderId());
    followers.addAll(m.mentions());
    for (String userId : followers) {
      store.save(new ThreadFollow(userId, m.roomId(), m.threadOf(), m.createdAt()));
    }
    followers.remove(m.senderId());
    activity.accept(new ThreadActivity(m.roomId(), m.threadOf(), new ArrayList<>(followers)));
  }

  /** The person's threads they may read, newest activity first. */
  public List<Entry> of(String userId) {
    Map<String, Long> marks = receipts.lastRead(userId);
    List<Entry> entries = new ArrayList<>();
    for (ThreadFollow f : store.of(userId, SHOWN)) {
      try {
        Message parent = messages.message(userId, f.roomId(), f.parentSeq());
        long mark = marks.getOrDefault(ThreadSummary.readKey(f.roomId(), f.parentSeq()), 0L);
        int unread = (int) parent.thread().replySeqs().stream().filter(s -> s > mark).count();
        entries.add(new Entry(f, parent, unread));
      } catch (DomainException e) {
        // a room the person left, or a thread purged: not listed
      }
    }
    return entries;
  }

  /** How many of the person's threads have unread replies (the top bar's count). */
  public int unreadThreads(String userId) {
    return (int) of(userId).stream().filter(e -> e.unread() > 0).count();
  }
}
