/**
 * Wiring: settings from MicroProfile Config and the CDI producers that assemble the domain core.
 */
package io.parley.app;
