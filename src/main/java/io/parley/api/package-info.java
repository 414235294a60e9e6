/**
 * REST adapter: the JSON API under /api for bots and mobile clients, Bearer tokens via MicroProfile
 * JWT.
 */
package io.parley.api;
