/** Web adapter: Thymeleaf pages and fragments, sign-in, and the filters that guard them. */
package io.parley.web;
