/**
 * The threads inbox: every thread a person started, replied to or was mentioned in, newest activity
 * first, with their unread replies. Domain code only: the store is a port.
 */
package io.parley.threads;
