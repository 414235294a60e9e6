package io.parley.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.ThreadSummary;
import io.parley.mongo.MongoReceiptStore;
import io.parley.mongo.MongoThreadFollowStore;
import io.parley.receipts.Watermark;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.TestMessages;
import io.parley.testing.WireStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The threads inbox over the real follow and receipt stores (wire protocol, in memory). */
class ThreadInboxTest {

  private final WireStore wire = new WireStore();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final MessageService messages =
      TestMessages.service(rooms, new InMemoryMessageStore()).build();
  private final MongoReceiptStore receipts = new MongoReceiptStore(wire.db());
  private final ThreadInbox inbox =
      new ThreadInbox(new MongoThreadFollowStore(wire.db()), messages, receipts);
  private final List<ThreadActivity> told = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Room room = rooms.lifecycle().create("ada", "plans", RoomType.PUBLIC);

  ThreadInboxTest() {
    for (String who : List.of("bob", "cy", "dan")) {
      rooms.memberships().join(who, room.id());
    }
    messages.onPosted(inbox::posted);
    inbox.onActivity(told::add);
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private long post(String who, String text) {
    return messages.send(who, room.id(), text, "c" + ids.incrementAndGet(), null).message().seq();
  }

  private long reply(String who, long parent, String text) {
    return messages
        .post(
            who,
            new NewMessage(room.id(), who, text, "text/plain", "c" + ids.incrementAndGet(), null)
                .replyingTo(parent, false))
        .message()
        .seq();
  }

  @Test
  void authorRepliersAndMentionedFollowAThreadAndCountItsUnreadReplies() {
    long first = post("ada", "plan A?");
    long second = post("cy", "plan B?");
    reply("bob", first, "yes, and @dan should look");
    long last = reply("bob", first, "also this");
    reply("ada", second, "no");

    List<ThreadInbox.Entry> ada = inbox.of("ada");
    assertEquals(
        List.of(second, first),
        ada.stream().map(e -> e.parent().seq()).toList(),
        "newest activity first");
    assertEquals(2, ada.get(1).unread(), "bob's two replies are unread for ada");
    assertEquals(1, ada.get(0).unread(), "her own reply counts as a reply she has not marked read");
    assertEquals(1, inbox.of("dan").size(), "mentioned in a reply: follows it");
    assertEquals(
        List.of(first),
        inbox.of("bob").stream().map(e -> e.parent().seq()).toList(),
        "bob replied to the first only");
    assertTrue(inbox.of("nobody").isEmpty());

    receipts.raise("ada", ThreadSummary.readKey(room.id(), first), new Watermark(last, last));
    assertEquals(0, inbox.of("ada").get(1).unread(), "read up to the last reply");
    assertEquals(1, inbox.unreadThreads("ada"));

    ThreadActivity lastTold = told.get(told.size() - 1);
    assertEquals(second, lastTold.parentSeq());
    assertEquals(List.of("cy"), lastTold.followers(), "the replier is not told of their own reply");
  }

  @Test
  void aPrivateRoomThePersonLeftDropsOutOfTheirInbox() {
    Room secret = rooms.lifecycle().create("ada", "secret", RoomType.PRIVATE);
    rooms.memberships().addPerson("ada", secret.id(), "cy");
    long first = messages.send("ada", secret.id(), "private matter", "p1", null).message().seq();
    messages.post(
        "cy",
        new NewMessage(secret.id(), "cy", "noted", "text/plain", "p2", null)
            .replyingTo(first, false));
    assertEquals(1, inbox.of("cy").size());
    rooms.memberships().leave("cy", secret.id());
    assertTrue(inbox.of("cy").isEmpty(), "no longer readable: not listed");
    assertEquals(1, inbox.of("ada").size());
  }
}
