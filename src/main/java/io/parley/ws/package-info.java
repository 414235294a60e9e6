/**
 * WebSocket adapter: one socket per tab at /ws (ChatEndpoint), JSON frames in, rendered HTML
 * fragments out; feeds ({@code Feed} and its kinds) follow the cluster's event streams and hand
 * every event to a delivery lane, from which each socket's outbound queue is written.
 */
package io.parley.ws;
