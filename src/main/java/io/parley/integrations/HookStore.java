package io.parley.integrations;

import java.util.List;
import java.util.Optional;

/** Where incoming webhooks are kept. */
public interface HookStore {

  void save(IncomingHook hook);

  Optional<IncomingHook> find(String id);

  /** A room's hooks, oldest first. */
  List<IncomingHook> inRoom(String roomId);

  /** Every hook, newest first, at most {@code limit} (the admin console). */
  List<IncomingHook> all(int limit);

  void delete(String id);
}
