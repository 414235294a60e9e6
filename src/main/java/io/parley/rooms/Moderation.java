package io.parley.rooms;

/** What a room's moderators (and its owner) do to a person in it. */
public enum Moderation {
  MUTE,
  UNMUTE,
  /** out of the room now; they may join again */
  KICK,
  BAN,
  UNBAN,
  /** owner only: make a member a moderator */
  PROMOTE,
  /** owner only: make a moderator a plain member again */
  DEMOTE
}
