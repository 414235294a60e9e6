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

  /**
   * People with a {@link NameKeys} key (username, name, a word of the name) starting with {@code
   * prefix}, in any case and with or without accents, by username.
   */
  List<User> search(String prefix, int limit);

  Map<String, User> findAll(Collection<String> ids);

  /** The ids of the people whose last verified token named IdP group {@code group}. */
  List<String> idsInGroup(String group);
}
