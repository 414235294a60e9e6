package io.parley.ws;

import io.parley.messaging.Message;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.MessageService;
import io.parley.receipts.CachedReceipts;
import io.parley.receipts.ReceiptChange;
import io.parley.receipts.ReceiptEvents;
import io.parley.render.LiveFragments;
import io.parley.render.RoomViews;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows watermark changes from every node: the reader's other tabs clear the room's badges, and
 * tabs watching the room get a fresh "Seen by" (or sent/delivered/read) line.
 */
@ApplicationScoped
public class ReceiptFeed extends Feed {

  private static final Logger LOG = Logger.getLogger(ReceiptFeed.class.getName());

  @Inject ReceiptEvents events;
  @Inject LiveConnections connections;
  @Inject LiveFragments fragments;
  @Inject MessageService messages;
  @Inject MessageHistory store;
  @Inject RoomService rooms;
  @Inject RoomViews views;
  @Inject CachedReceipts marks;

  @Override
  protected void follow() {
    on(events::subscribe, changes -> "receipts", this::changed); // one lane keeps batches in order
  }

  void changed(List<ReceiptChange> changes) {
    marks.apply(changes);
    Set<String> touched = new LinkedHashSet<>();
    for (ReceiptChange change : changes) {
      touched.add(change.roomId());
      for (LiveConnection connection : connections.inRoom(change.roomId())) {
        if (connection.userId().equals(change.userId()) && !connection.watches(change.roomId())) {
          var badge =
              connection.readUpTo(change.roomId(), change.mark().read(), messages::mentionsSince);
          if (badge != null) {
            connection.send(fragments.badge(change.roomId(), badge.unread(), badge.mentions()));
          }
        }
      }
    }
    touched.forEach(this::pushReceiptLines);
  }

  private void pushReceiptLines(String roomId) {
    List<LiveConnection> watchers =
        connections.inRoom(roomId).stream().filter(c -> c.watches(roomId)).toList();
    if (watchers.isEmpty()) {
      return;
    }
    try {
      Room room = rooms.access().visible(watchers.get(0).userId(), roomId);
      List<Message> last = store.before(roomId, Long.MAX_VALUE, 1);
      Map<String, String> lines =
          views.receiptLines(
              room,
              last.isEmpty() ? null : last.get(0),
              watchers.stream().map(LiveConnection::userId).distinct().toList());
      Map<String, String> html = new java.util.HashMap<>(4); // one render per distinct line
      for (LiveConnection watcher : watchers) {
        String line = lines.get(watcher.userId());
        if (watcher.receiptLineChanges(roomId, line)) {
          watcher.send(html.computeIfAbsent(line, l -> fragments.receipt(roomId, l)));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not update the receipt line of room " + roomId, e);
    }
  }
}
