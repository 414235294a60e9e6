package io.parley.users;

import io.parley.common.Broadcast;

/** The ids of people whose access was withdrawn, told to every node to close their sockets. */
public interface AccessWithdrawals extends Broadcast<String> {}
