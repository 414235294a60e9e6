package io.parley.messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest messages of the rooms people read, kept in memory in front of the store: the first
 * page of a room, catch-up after a reconnect and mention counts are served from here, so their cost
 * does not grow with the store (the embedded default reads every message of a page by its key).
 *
 * <p>Each room's tail is a gap-free run of seqs ending at the newest one this node knows. It grows
 * with every stored message (every node sees every posted one, {@link #seen}); a room with traffic
 * starts one at its newest message, a room that is only read loads one. A message that arrives
 * while a tail is being loaded is kept and merged; one that leaves a gap drops the tail (it is
 * loaded again on the next read). Reads still ask the store where the room ends (one probe of the
 * next keys): a message the cluster's topic lost is found there and fetched, so the tail never
 * hides one.
 *
 * <p>Long on purpose: a tail's life (loading, merging what arrives meanwhile, gaps, eviction) is
 * one concurrent piece, and splitting it would spread its locking over files.
 */
public final class RecentMessages implements MessageHistory {

  private final MessageHistory store;
  private final int perRoom;
  private final int maxRooms;
  private final Map<String, Tail> tails = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();

  /**
   * @param perRoom the newest messages kept per room (a first page and a catch-up page fit)
   * @param maxRooms rooms kept; past it, the least recently read ones are dropped
   */
  public RecentMessages(MessageHistory store, int perRoom, int maxRooms) {
    this.store = store;
    this.perRoom = perRoom;
    this.maxRooms = maxRooms;
  }

  /**
   * Stores the message; the tail learns of it once, with every node, from {@link #seen} (a read
   * before that finds it through the store's end, so nothing is hidden meanwhile).
   */
  @Override
  public void insert(Message message) {
    store.insert(message);
  }

  @Override
  public Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId) {
    return store.findByClientMsgId(roomId, senderId, clientMsgId);
  }

  @Override
  public long lastSeq(String roomId) {
    return store.lastSeq(roomId);
  }

  @Override
  public List<Message> bySeqs(String roomId, Collection<Long> seqs) {
    Tail tail = tails.get(roomId);
    List<Message> held = tail == null ? null : tail.pick(seqs);
    return held != null ? held : store.bySeqs(roomId, seqs);
  }

  @Override
  public void purged(String roomId) {
    tails.remove(roomId);
    store.purged(roomId);
  }

  @Override
  public void seen(RoomEvent event) {
    if (event instanceof Message m) {
      seenMessage(m);
    } else if (event instanceof MessageChange c) {
      seenChange(c);
    }
  }

  /** A kept message changed: the tail holds its new state (or is dropped, to load again). */
  private void seenChange(MessageChange change) {
    store.seen(change);
    Tail tail = tails.get(change.roomId());
    if (tail != null && change.after() != null && !tail.replace(change.after())) {
      tails.remove(change.roomId(), tail);
    }
  }

  private void seenMessage(Message message) {
    store.seen(message);
    Tail tail = tails.get(message.roomId());
    if (tail == null) {
      // A room with traffic starts a tail at its newest message, so the pages that reconnect
      // after a network blip, or open it next, read it from memory without a first load.
      Tail started = new Tail(message);
      started.usedAt = clock.incrementAndGet();
      if (tails.putIfAbsent(message.roomId(), started) == null) {
        evictIfFull();
        return;
      }
      tail = tails.get(message.roomId());
    }
    if (tail != null && !tail.add(message, perRoom)) {
      // a gap: the tail no longer ends at the room's newest; it loads again on the next read
      tails.remove(message.roomId(), tail);
    }
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    if (beforeSeq != Long.MAX_VALUE) {
      // An older page never changes: the tail answers if it holds it, without asking where the
      // room ends.
      Tail tail = tails.get(roomId);
      long to = beforeSeq - 1;
      List<Message> page = tail == null ? null : tail.range(Math.max(1, to - limit + 1), to);
      if (page != null) {
        tail.usedAt = clock.incrementAndGet();
        return page;
      }
      return store.before(roomId, beforeSeq, limit);
    }
    long last = store.lastSeq(roomId);
    long from = Math.max(1, last - limit + 1);
    return last < 1 ? List.of() : read(roomId, from, last, last);
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    long last = store.lastSeq(roomId);
    long to = Math.min(last, afterSeq + limit);
    return afterSeq + 1 > to ? List.of() : read(roomId, afterSeq + 1, to, last);
  }

  @Override
  public long countMentions(String roomId, String userId, long afterSeq) {
    long last = store.lastSeq(roomId);
    if (afterSeq >= last) {
      return 0;
    }
    Tail tail = tailOf(roomId, last);
    List<Message> recent = tail == null ? null : tail.range(afterSeq + 1, last);
    if (recent == null) {
      return store.countMentions(roomId, userId, afterSeq);
    }
    return recent.stream().filter(m -> m.mentions(userId)).count();
  }

  /** Rooms with a tail in memory (for metrics and tests). */
  public int roomsKept() {
    return tails.size();
  }

  /**
   * Messages [from, to] of a room whose newest is {@code last}: from memory when the tail has them.
   */
  private List<Message> read(String roomId, long from, long to, long last) {
    if (last - from >= perRoom) {
      return store.after(roomId, from - 1, (int) (to - from + 1)); // older than any tail keeps
    }
    Tail tail = tailOf(roomId, last);
    List<Message> page = tail == null ? null : tail.range(from, to);
    if (page == null && tail != null && tail.backfill(from, roomId)) {
      page = tail.range(from, to); // a tail started from traffic, grown backwards once
    }
    return page != null ? page : store.after(roomId, from - 1, (int) (to - from + 1));
  }

  /** The room's tail brought up to {@code last}, loading it if needed; null if that failed. */
  private Tail tailOf(String roomId, long last) {
    Tail tail = tails.get(roomId);
    if (tail == null) {
      tail = load(roomId);
    }
    if (tail == null || tail.isLoading()) {
      return null; // another reader is loading it: this one reads the store
    }
    if (!tail.catchUp(last, roomId)) {
      tails.remove(roomId, tail);
      return null;
    }
    tail.usedAt = clock.incrementAndGet();
    return tail;
  }

  /**
   * Registers an empty tail first, then reads the store: whatever is posted meanwhile reaches the
   * registered tail and is merged with what the read returns.
   */
  private Tail load(String roomId) {
    Tail fresh = new Tail();
    fresh.usedAt = clock.incrementAndGet(); // the newest: never the one evicted for room
    Tail existing = tails.putIfAbsent(roomId, fresh);
    if (existing != null) {
      return existing;
    }
    evictIfFull();
    List<Message> newest;
    try {
      newest = store.before(roomId, Long.MAX_VALUE, perRoom);
    } catch (RuntimeException e) {
      tails.remove(roomId, fresh);
      throw e;
    }
    if (!fresh.loaded(newest, perRoom)) {
      tails.remove(roomId, fresh);
      return null;
    }
    return fresh;
  }

  private void evictIfFull() {
    if (tails.size() <= maxRooms) {
      return;
    }
    // Rare (once per tenth of the rooms): drop the least recently read tenth.
    List<Map.Entry<String, Tail>> byUse = new ArrayList<>(tails.entrySet());
    byUse.sort(Comparator.comparingLong(e -> e.getValue().usedAt));
    byUse.stream()
        .limit(Math.max(1, maxRooms / 10))
        .forEach(e -> tails.remove(e.getKey(), e.getValue()));
  }

  /** A gap-free run of a room's newest messages. */
  private final class Tail {
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private final List<Message> arrivedWhileLoading = new ArrayList<>();
    private boolean loading = true;
    volatile long usedAt;

    /** A tail that loads from the store. */
    Tail() {}

    /** A tail that starts at the room's newest message. */
    Tail(Message newest) {
      loading = false;
      messages.addLast(newest);
    }

    /** Extends the tail with the next message; false when it leaves a gap (drop the tail). */
    synchronized boolean add(Message m, int keep) {
      if (loading) {
        arrivedWhileLoading.add(m);
        return true;
      }
      if (messages.isEmpty()) {
        messages.addLast(m);
        return true;
      }
      long last = messages.peekLast().seq();
      if (m.seq() <= last) {
        return true; // seen already (the sequencer's node sees its own messages twice)
      }
      if (m.seq() != last + 1) {
        return false;
      }
      messages.addLast(m);
      while (messages.size() > keep) {
        messages.removeFirst();
      }
      return true;
    }

    /**
     * The store's newest messages, then those that arrived meanwhile; false if they do not join.
     */
    synchronized boolean loaded(List<Message> newest, int keep) {
      loading = false;
      messages.addAll(newest);
      arrivedWhileLoading.sort(Comparator.comparingLong(Message::seq));
      for (Message m : arrivedWhileLoading) {
        if (!add(m, keep)) {
          return false;
        }
      }
      arrivedWhileLoading.clear();
      return true;
    }

    /**
     * Makes sure the tail reaches {@code last} (the store's end): what the topic has not brought
     * yet, or lost, is read from the store. False if the tail cannot be joined to it.
     */
    synchronized boolean isLoading() {
      return loading;
    }

    synchronized boolean catchUp(long last, String roomId) {
      long have = messages.isEmpty() ? 0 : messages.peekLast().seq();
      if (have >= last) {
        return true;
      }
      if (last - have > perRoom) {
        return false;
      }
      for (Message m : store.after(roomId, have, (int) (last - have))) {
        if (!add(m, perRoom)) {
          return false;
        }
      }
      return !messages.isEmpty() && messages.peekLast().seq() >= last;
    }

    /**
     * Reads the messages from {@code from} up to the tail's first from the store; false if none
     * join.
     */
    synchronized boolean backfill(long from, String roomId) {
      if (messages.isEmpty() || from >= messages.peekFirst().seq()) {
        return false;
      }
      long first = messages.peekFirst().seq();
      List<Message> older = store.after(roomId, from - 1, (int) (first - from));
      if (older.isEmpty() || older.get(older.size() - 1).seq() != first - 1) {
        return false;
      }
      for (int i = older.size() - 1; i >= 0; i--) {
        if (older.get(i).seq() != messages.peekFirst().seq() - 1) {
          return false;
        }
        messages.addFirst(older.get(i));
      }
      return true;
    }

    /**
     * Puts a message's new state in place of the old one; false while the tail is loading (what the
     * load read may predate the change).
     */
    synchronized boolean replace(Message changed) {
      if (loading) {
        return false;
      }
      if (messages.isEmpty()
          || changed.seq() < messages.peekFirst().seq()
          || changed.seq() > messages.peekLast().seq()) {
        return true; // not kept here
      }
      List<Message> all = new ArrayList<>(messages);
      all.replaceAll(m -> m.seq() == changed.seq() ? changed : m);
      messages.clear();
      messages.addAll(all);
      return true;
    }

    /** The messages with these seqs if the tail holds every one, else null. */
    synchronized List<Message> pick(Collection<Long> seqs) {
      if (loading || messages.isEmpty()) {
        return null;
      }
      long first = messages.peekFirst().seq();
      long last = messages.peekLast().seq();
      if (seqs.stream().anyMatch(s -> s < first || s > last)) {
        return null;
      }
      List<Message> picked = new ArrayList<>();
      for (Message m : messages) {
        if (seqs.contains(m.seq())) {
          picked.add(m);
        }
      }
      return picked;
    }

    /** Messages [from, to] if the tail holds all of them, else null. */
    synchronized List<Message> range(long from, long to) {
      if (messages.isEmpty()
          || from < messages.peekFirst().seq()
          || to > messages.peekLast().seq()) {
        return null;
      }
      List<Message> page = new ArrayList<>((int) (to - from + 1));
      for (Message m : messages) {
        if (m.seq() >= from && m.seq() <= to) {
          page.add(m);
        }
      }
      return page;
    }
  }
}
