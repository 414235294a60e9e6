package io.parley.users;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where users are kept. */
public interface UserDirectory {

  /** Inserts or replaces the user with the same id. */
  void save(User user);

  Optional<User> find(String id);

  Optional<User> findByUsername(String username);

  /** People whose username or name starts with {@code prefix} (any case), by username. */
  List<User> search(String prefix, int limit);

  Map<String, User> findAll(Collection<String> ids);
}
