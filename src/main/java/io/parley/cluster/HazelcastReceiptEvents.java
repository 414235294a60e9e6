package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.parley.receipts.ReceiptChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Watermark changes, one batch per node per second, on a plain topic: the marks are already stored,
 * so a lost batch only means a "Seen by" line or badge that catches up on the next one.
 */
@ApplicationScoped
public class HazelcastReceiptEvents {

  static final String TOPIC = "parley.receipts";

  @Inject HazelcastInstance hazelcast;

  public void publish(List<ReceiptChange> changes) {
    topic().publish(new ArrayList<>(changes));
  }

  public UUID subscribe(Consumer<List<ReceiptChange>> consumer) {
    return topic().addMessageListener(event -> consumer.accept(event.getMessageObject()));
  }

  public void unsubscribe(UUID registration) {
    topic().removeMessageListener(registration);
  }

  private ITopic<ArrayList<ReceiptChange>> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
