/** Rooms (public, private, direct, group direct), their members and who may see or post. */
package io.parley.rooms;
