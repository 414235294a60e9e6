/**
 * Reports: members flag a message with a reason; the room's moderators (and global ones) work a
 * queue and dismiss, remove the message, mute or ban its author; the reporter is told the outcome.
 * Domain code only: stores and the cluster are ports.
 */
package io.parley.reports;
