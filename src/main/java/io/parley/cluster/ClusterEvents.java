package io.parley.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.parley.messaging.MessageEvents;
import io.parley.messaging.RoomEvent;
import io.parley.presence.Typing;
import io.parley.presence.TypingEvents;
import io.parley.receipts.ReceiptChange;
import io.parley.receipts.ReceiptEvents;
import io.parley.reports.ReportChange;
import io.parley.reports.ReportEvents;
import io.parley.rooms.MembershipChange;
import io.parley.rooms.MembershipEvents;
import io.parley.users.AccessWithdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's event streams, one Hazelcast topic each. Only stored messages ride a reliable topic
 * (replicated, one order for every listener, receivers fill gaps from the store); the rest are
 * plain topics, since losing one costs a moment's staleness, never data.
 */
@ApplicationScoped
public class ClusterEvents {

  static final String MESSAGES = "parley.messages";
  static final String MEMBERSHIPS = "parley.memberships";
  static final String RECEIPTS = "parley.receipts";
  static final String TYPING = "parley.typing";
  static final String WITHDRAWALS = "parley.revocations";
  static final String REPORTS = "parley.reports";

  @Produces
  @Singleton
  MessageEvents messages(HazelcastInstance hazelcast) {
    return new Messages(hazelcast);
  }

  @Produces
  @Singleton
  MembershipEvents memberships(HazelcastInstance hazelcast) {
    return new Memberships(hazelcast);
  }

  @Produces
  @Singleton
  ReceiptEvents receipts(HazelcastInstance hazelcast) {
    return new Receipts(hazelcast);
  }

  @Produces
  @Singleton
  TypingEvents typing(HazelcastInstance hazelcast) {
    return new TypingTopic(hazelcast);
  }

  @Produces
  @Singleton
  AccessWithdrawals withdrawals(HazelcastInstance hazelcast) {
    return new Withdrawals(hazelcast);
  }

  @Produces
  @Singleton
  io.parley.presence.Disconnects disconnects(HazelcastInstance hazelcast) {
    return new DisconnectTopic(hazelcast);
  }

  @Produces
  @Singleton
  io.parley.later.LaterEvents later(HazelcastInstance hazelcast) {
    return new LaterTopic(hazelcast);
  }

  @Produces
  @Singleton
  io.parley.threads.ThreadEvents threads(HazelcastInstance hazelcast) {
    return new ThreadTopic(hazelcast);
  }

  private static final class ThreadTopic extends ClusterTopic<io.parley.threads.ThreadActivity>
      implements io.parley.threads.ThreadEvents {
    ThreadTopic(HazelcastInstance hazelcast) {
      super(hazelcast, "parley.threads", false);
    }
  }

  private static final class LaterTopic extends ClusterTopic<io.parley.later.LaterNotice>
      implements io.parley.later.LaterEvents {
    LaterTopic(HazelcastInstance hazelcast) {
      super(hazelcast, "parley.later", false);
    }
  }

  private static final class DisconnectTopic extends ClusterTopic<String>
      implements io.parley.presence.Disconnects {
    DisconnectTopic(HazelcastInstance hazelcast) {
      super(hazelcast, "parley.disconnects", false);
    }
  }

  @Produces
  @Singleton
  ReportEvents reports(HazelcastInstance hazelcast) {
    return new Reports(hazelcast);
  }

  @Produces
  @Singleton
  io.parley.retention.Purges purges(HazelcastInstance hazelcast) {
    return new PurgeTopic(hazelcast);
  }

  private static final class PurgeTopic extends ClusterTopic<io.parley.retention.Purge>
      implements io.parley.retention.Purges {
    PurgeTopic(HazelcastInstance hazelcast) {
      super(hazelcast, "parley.purges", false);
    }
  }

  private static final class Reports extends ClusterTopic<ReportChange> implements ReportEvents {
    Reports(HazelcastInstance hazelcast) {
      super(hazelcast, REPORTS, false);
    }
  }

  private static final class Messages extends ClusterTopic<RoomEvent> implements MessageEvents {
    Messages(HazelcastInstance hazelcast) {
      super(hazelcast, MESSAGES, true);
    }
  }

  private static final class Memberships extends ClusterTopic<MembershipChange>
      implements MembershipEvents {
    Memberships(HazelcastInstance hazelcast) {
      super(hazelcast, MEMBERSHIPS, false);
    }
  }

  private static final class Receipts extends ClusterTopic<List<ReceiptChange>>
      implements ReceiptEvents {
    Receipts(HazelcastInstance hazelcast) {
      super(hazelcast, RECEIPTS, false);
    }

    @Override
    public void publish(List<ReceiptChange> changes) {
      super.publish(new ArrayList<>(changes)); // a serializable copy of whatever list it was
    }
  }

  private static final class TypingTopic extends ClusterTopic<Typing> implements TypingEvents {
    TypingTopic(HazelcastInstance hazelcast) {
      super(hazelcast, TYPING, false);
    }
  }

  private static final class Withdrawals extends ClusterTopic<String> implements AccessWithdrawals {
    Withdrawals(HazelcastInstance hazelcast) {
      super(hazelcast, WITHDRAWALS, false);
    }
  }
}
