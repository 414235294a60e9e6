/**
 * Wiring: settings from MicroProfile Config and the CDI producers that assemble the domain core;
 * health, start-up (and its warm-up) and the scheduled jobs.
 */
package io.parley.app;
