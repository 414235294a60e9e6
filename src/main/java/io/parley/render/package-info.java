/**
 * Everything that turns domain objects into HTML: the Thymeleaf engine, every template name, and
 * the view models. Pages (web), history fragments and socket pushes (ws) all render through here,
 * so the same fragment shows a message on a page load, in a history page and in a live push.
 */
package io.parley.render;
