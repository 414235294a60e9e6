/**
 * Reaching people who are away: mentions, direct messages and reminders that nobody read in time
 * are gathered per person and sent as one email (a digest) at the pace the person chose. Domain
 * code only: the stores, the mail sender and the description of a message are ports.
 */
package io.parley.away;
