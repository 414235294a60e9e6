/**
 * Web adapter: the pages (servlets with declared routes, rendering typed models from {@code
 * render}), sign-in, and the filters that guard them.
 */
package io.parley.web;
