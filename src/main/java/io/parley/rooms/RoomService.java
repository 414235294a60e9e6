package io.parley.rooms;

import java.time.Clock;

/**
 * The rooms' capabilities, each built once from one {@link RoomContext} with what it needs: {@link
 * RoomAccess} (who may do what), {@link RoomLifecycle}, {@link Memberships}, {@link RoomSettings},
 * {@link RoomModeration}, {@link RoomListings} and {@link MemberLists}. Callers name the capability
 * they use ({@code rooms.access().visible(...)}); the application's wiring also offers each one on
 * its own.
 */
public class RoomService {

  private final RoomAccess access;
  private final MemberLists memberLists;
  private final RoomLifecycle lifecycle;
  private final Memberships memberships;
  private final RoomSettings settings;
  private final RoomModeration moderation;
  private final RoomListings listings;

  public RoomService(RoomDirectory rooms, Clock clock) {
    this(rooms, clock, MembershipListener.NONE);
  }

  public RoomService(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    this(RoomContext.of(rooms, clock, listener));
  }

  /** The capabilities, each built once with what it needs; nothing changes after this. */
  public RoomService(RoomContext with) {
    this.access = new RoomAccess(with);
    this.memberLists = new MemberLists(with);
    this.lifecycle = new RoomLifecycle(with, access, memberLists);
    this.memberships = new Memberships(with, access, memberLists, lifecycle);
    this.settings = new RoomSettings(with, access);
    this.moderation = new RoomModeration(with, access, memberLists);
    this.listings = new RoomListings(with);
  }

  /** Who may see, post, react, pin, remove and moderate: every decision reads the store. */
  public RoomAccess access() {
    return access;
  }

  /** Creating, opening, renaming, archiving and deleting rooms. */
  public RoomLifecycle lifecycle() {
    return lifecycle;
  }

  /** Joining, adding, leaving, notification levels. */
  public Memberships memberships() {
    return memberships;
  }

  /** Slow mode, read-only mode, who may pin. */
  public RoomSettings settings() {
    return settings;
  }

  /** Moderators' acts on people: mute, ban, kick, promote, with their lengths and reasons. */
  public RoomModeration moderation() {
    return moderation;
  }

  /** Rooms by person, by name prefix, the public directory, member counts. */
  public RoomListings listings() {
    return listings;
  }

  /** Each room's member list as this node keeps it. */
  public MemberLists memberLists() {
    return memberLists;
  }
}
