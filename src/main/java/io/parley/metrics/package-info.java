/**
 * What Parley counts and times for operators, on MicroProfile Metrics (Prometheus format at {@code
 * /metrics}): messages received, refused by reason, delivered, and the latencies of sending,
 * delivery, history, catch-up and search. Adapters at the edges call it; the domain never does.
 */
package io.parley.metrics;
