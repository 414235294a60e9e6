/**
 * How long messages are kept: a default and per-room retention, legal holds on rooms and people
 * that suspend deletion, and the run that removes what is due (messages, their files, their index
 * entries) on one node at a time, recorded in the audit log.
 */
package io.parley.retention;
