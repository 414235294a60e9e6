/**
 * Rooms (public, private, direct, group direct) and their members, as capability services built
 * from one {@code RoomContext}: {@code RoomAccess} decides who may see, post and moderate; {@code
 * RoomLifecycle}, {@code Memberships}, {@code RoomSettings}, {@code RoomModeration} and {@code
 * RoomListings} change and list rooms; {@code RoomService} builds them once and hands them out.
 */
package io.parley.rooms;
