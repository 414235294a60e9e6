package io.parley.users;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where users are kept. */
public interface UserDirectory {

  /** Inserts or replaces the user with the same id. */
  void save(User user);

  Optional<User> find(String id);

  Optional<User> findByUsername(String username);

  Map<String, User> findAll(Collection<String> ids);
}
