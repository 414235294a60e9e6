package io.parley.away;

import java.util.List;

/** Browsers' push subscriptions, several per person. */
public interface PushSubscriptionStore {

  /** Stores it, replacing one with the same endpoint. */
  void save(PushSubscription subscription);

  List<PushSubscription> of(String userId);

  /** Deletes the person's subscription; whether there was one. */
  boolean delete(String userId, String id);
}
