package io.parley.ws;

import io.parley.presence.Typing;
import io.parley.presence.TypingEvents;
import io.parley.presence.TypingIndicator;
import io.parley.render.LiveFragments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * "Alice is typing…" under a room's messages: typing events from every node update this node's
 * indicator, which is pushed to the tabs watching the room; a sweep clears lapsed ones.
 */
@ApplicationScoped
public class TypingFeed extends Feed {

  @Inject TypingEvents events;
  @Inject LiveConnections connections;
  @Inject LiveFragments fragments;
  @Inject Clock clock;

  private final TypingIndicator indicator = new TypingIndicator();
  private ScheduledExecutorService sweeper;

  @Override
  protected void follow() {
    on(events::subscribe, Typing::roomId, this::typed);
    sweeper = Schedulers.daemon("parley-typing-sweep");
    sweeper.scheduleWithFixedDelay(
        () -> indicator.expire(clock.instant()).forEach(this::push), 1, 1, TimeUnit.SECONDS);
  }

  @Override
  protected void stopped() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  /** A member of the room typed on this node: tell every node. */
  void typing(String roomId, String userId, String name) {
    events.publish(new Typing(roomId, userId, name, clock.instant()));
  }

  /** The sender's message arrived, so they are no longer typing it. */
  void posted(String roomId, String senderId) {
    if (indicator.posted(roomId, senderId)) {
      push(roomId);
    }
  }

  private void typed(Typing typing) {
    if (indicator.typed(typing.roomId(), typing.userId(), typing.name(), typing.at())) {
      push(typing.roomId());
    }
  }

  private void push(String roomId) {
    for (LiveConnection connection : connections.inRoom(roomId)) {
      if (connection.watches(roomId)) {
        String text = TypingIndicator.describe(indicator.typists(roomId, connection.userId()));
        connection.send(fragments.typing(roomId, text));
      }
    }
  }
}
