/** WebSocket adapter: one socket per tab at /ws, JSON frames in, rendered HTML fragments out. */
package io.parley.ws;
