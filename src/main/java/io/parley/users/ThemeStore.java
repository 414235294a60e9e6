package io.parley.users;

import java.util.Optional;

/** Each person's chosen look, absent while they follow their system. */
public interface ThemeStore {

  Optional<Theme> find(String userId);

  void save(String userId, Theme theme);
}
