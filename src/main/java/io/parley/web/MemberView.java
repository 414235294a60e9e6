package io.parley.web;

/** A room member as the member list shows them, with their presence. */
public record MemberView(String userId, String name, String role, String state, String lastSeen) {}
