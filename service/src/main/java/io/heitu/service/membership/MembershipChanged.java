package io.heitu.service.membership;

/** An organisation's CA is now trusted: published once it is stored. */
public record MembershipChanged(String mspId) {}
