/**
 * The audit log: what moderators and administrators did, to whom, in which room, why and when.
 * Append-only: the port has no way to change or remove an entry.
 */
package io.parley.audit;
