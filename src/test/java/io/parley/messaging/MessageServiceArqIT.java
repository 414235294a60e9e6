package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The message service inside Open Liberty with CDI: the real wiring of the domain to MongoDB and
 * Hazelcast, exercised without HTTP in between.
 */
@ExtendWith(ArquillianExtension.class)
class MessageServiceArqIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "arquillian-parley.war")
        .importFrom(new File("target/parley.war"))
        .as(WebArchive.class)
        .addClass(MessageServiceArqIT.class);
  }

  @Inject MessageService messages;
  @Inject RoomService rooms;
  @Inject UserService users;
  @Inject MessageEvents events;

  private String user(String name) {
    String id = "arq:" + name + "-" + UUID.randomUUID();
    users.signIn(new UserClaims(id, name, null, name, Set.of()));
    return id;
  }

  @Test
  void sendsAreStoredNumberedAndAnnouncedThroughTheClusterTopic() throws Exception {
    String alice = user("alice");
    Room room = rooms.lifecycle().create(alice, "arquillian " + UUID.randomUUID(), RoomType.PUBLIC);
    LinkedBlockingQueue<Message> announced = new LinkedBlockingQueue<>();
    var subscription =
        events.subscribe(
            e -> {
              if (e instanceof Message m && m.roomId().equals(room.id())) {
                announced.add(m);
              }
            });
    try {
      for (int i = 1; i <= 3; i++) {
        SendResult r = messages.send(alice, room.id(), "message " + i, "c" + i, Map.of());
        assertEquals(i, r.message().seq());
        assertFalse(r.duplicate());
      }
      for (int i = 1; i <= 3; i++) {
        Message m = announced.poll(10, TimeUnit.SECONDS);
        assertEquals(i, m.seq(), "announced in order");
      }
      SendResult retry = messages.send(alice, room.id(), "message 1", "c1", Map.of());
      assertTrue(retry.duplicate());
      assertEquals(1, retry.message().seq());
      assertEquals(
          1, announced.poll(10, TimeUnit.SECONDS).seq(), "a retry announces the original again");

      List<Message> stored = messages.history(alice, room.id(), HistoryQuery.latest()).messages();
      assertEquals(List.of(1L, 2L, 3L), stored.stream().map(Message::seq).toList());
    } finally {
      subscription.close();
    }
  }

  @Test
  void nonMembersAreRefused() {
    String alice = user("alice");
    String bob = user("bob");
    Room room =
        rooms.lifecycle().create(alice, "members only " + UUID.randomUUID(), RoomType.PRIVATE);
    DomainException e =
        assertThrows(
            DomainException.class, () -> messages.send(bob, room.id(), "hi", "x", Map.of()));
    assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
  }
}
