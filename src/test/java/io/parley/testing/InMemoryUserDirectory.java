package io.parley.testing;

import io.parley.users.User;
import io.parley.users.UserDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users in memory. */
public class InMemoryUserDirectory implements UserDirectory {

  private final Map<String, User> users = new ConcurrentHashMap<>();

  @Override
  public void save(User user) {
    users.put(user.id(), user);
  }

  @Override
  public Optional<User> find(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  @Override
  public java.util.List<User> search(String prefix, int limit) {
    return users.values().stream()
        .filter(u -> io.parley.users.NameKeys.matches(u, prefix))
        .sorted(java.util.Comparator.comparing(User::username))
        .limit(limit)
        .toList();
  }

  @Override
  public Map<String, User> findAll(Collection<String> ids) {
    Map<String, User> found = new HashMap<>();
    ids.forEach(id -> find(id).ifPresent(u -> found.put(id, u)));
    return found;
  }

  @Override
  public java.util.List<String> idsInGroup(String group) {
    return users.values().stream().filter(u -> u.groups().contains(group)).map(User::id).toList();
  }
}
