package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.parley.rooms.MembershipListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * New memberships, told to every node so that the new members' open pages list the room at once. A
 * plain topic: a lost event only means the room appears on the next page load.
 */
@ApplicationScoped
public class HazelcastMembershipEvents implements MembershipListener {

  static final String TOPIC = "parley.memberships";

  /** People who just became members of a room ({@code left} false), or one who lost it. */
  public record Joined(String roomId, List<String> userIds, boolean left) implements Serializable {
    public Joined(String roomId, List<String> userIds) {
      this(roomId, userIds, false);
    }
  }

  @Inject HazelcastInstance hazelcast;

  @Override
  public void joined(String roomId, Collection<String> userIds) {
    topic().publish(new Joined(roomId, new ArrayList<>(userIds)));
  }

  @Override
  public void removed(String roomId, String userId) {
    topic().publish(new Joined(roomId, List.of(userId), true));
  }

  public UUID subscribe(Consumer<Joined> consumer) {
    return topic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  public void unsubscribe(UUID registration) {
    topic().removeMessageListener(registration);
  }

  private ITopic<Joined> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
