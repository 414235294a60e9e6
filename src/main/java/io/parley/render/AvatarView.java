package io.parley.render;

import io.parley.users.User;

/**
 * A person's picture: their uploaded image, or their initials on one of eight colours picked from
 * their id, so the same person always looks the same.
 */
public record AvatarView(String initials, String imageUrl, String colour) {

  public static AvatarView of(User user, String name) {
    String initials = initials(name);
    if (user == null) {
      return new AvatarView(initials, null, "c0");
    }
    String url =
        user.hasAvatar() ? "/users/" + user.id() + "/avatar?v=" + user.avatarVersion() : null;
    return new AvatarView(initials, url, "c" + Math.floorMod(user.id().hashCode(), 8));
  }

  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      if (!word.isEmpty() && out.length() < 2) {
        out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return out.length() == 0 ? "?" : out.toString();
  }
}
