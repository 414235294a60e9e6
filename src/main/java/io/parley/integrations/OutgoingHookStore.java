package io.parley.integrations;

import java.util.List;
import java.util.Optional;

/** Where outgoing webhooks and the log of their deliveries are kept. */
public interface OutgoingHookStore {

  void save(OutgoingHook hook);

  Optional<OutgoingHook> find(String id);

  /** Every outgoing hook (a few per room at most): the nodes keep them in memory. */
  List<OutgoingHook> all();

  void delete(String id);

  void logDelivery(HookDelivery delivery);

  /** The hook's latest deliveries, newest first. */
  List<HookDelivery> deliveries(String hookId, int limit);
}
