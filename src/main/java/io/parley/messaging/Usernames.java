package io.parley.messaging;

import java.util.Collection;
import java.util.Map;

/** Looks up the usernames of user ids (absent ids are skipped), to resolve mentions. */
@FunctionalInterface
public interface Usernames {
  Map<String, String> of(Collection<String> userIds);
}
