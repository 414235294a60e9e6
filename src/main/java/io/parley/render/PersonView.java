package io.parley.render;

/** A person in the people directory or on their profile card. */
public record PersonView(MemberView member, String username) {}
