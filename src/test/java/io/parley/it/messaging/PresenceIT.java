package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Presence over real sockets: online when a tab opens, away when reported, offline when closed. */
class PresenceIT {

  @Test
  void membersSeeEachOtherComeGoAndStepAway() throws Exception {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = alice.createRoom(Parley.unique("presence"), "public");
    bob.join(room);
    String bobId = bob.userId();
    String bobDot = "presence-" + io.parley.render.Dom.key(bobId);
    try (LiveSocket a = LiveSocket.open(alice)) {
      a.resume(room, 0);
      Thread.sleep(300);
      LiveSocket b = LiveSocket.open(bob);
      assertTrue(
          a.await(f -> f.contains(bobDot), Duration.ofSeconds(10)).contains(bobDot + " online"));
      LiveSocket secondTab = LiveSocket.open(bob);
      b.send("{\"type\":\"presence\",\"state\":\"away\"}");
      secondTab.send("{\"type\":\"presence\",\"state\":\"away\"}");
      a.await(f -> f.contains(bobDot + " away"), Duration.ofSeconds(10));
      b.close();
      secondTab.close();
      String offline = a.await(f -> f.contains(bobDot + " offline"), Duration.ofSeconds(10));
      assertTrue(offline.contains("last seen"), offline);
    }
    String page =
        Parley.send(
                HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/rooms/" + room))
                    .header("Cookie", "parley_token=" + alice.token())
                    .build())
            .body();
    assertTrue(page.contains(bobDot), "the member list shows presence dots");
    assertTrue(page.contains("Members (2)"));
  }

  @Test
  void someoneJoiningAppearsInTheOpenMemberListAndTheirPresenceFollows() throws Exception {
    TestUser alice = Parley.signIn(Parley.unique("Alice"));
    TestUser carol = Parley.signIn(Parley.unique("Carol"));
    String room = alice.createRoom(Parley.unique("newcomers"), "public");
    String carolDot = "presence-" + io.parley.render.Dom.key(carol.userId());
    try (LiveSocket a = LiveSocket.open(alice).resume(room, 0)) {
      Thread.sleep(300);
      carol.join(room);
      String list = a.await(f -> f.contains("id=\"members-" + room + "\""), Duration.ofSeconds(10));
      assertTrue(list.contains("Members (2)"), list);
      assertTrue(list.contains(carol.name()), list);
      try (LiveSocket c = LiveSocket.open(carol)) {
        a.await(f -> f.contains(carolDot + " online"), Duration.ofSeconds(10));
      }
    }
  }
}
