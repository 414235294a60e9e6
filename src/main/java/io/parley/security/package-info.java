/** Identity adapter: verifies RS256 tokens (cookie or Bearer) and runs the development sign-in. */
package io.parley.security;
