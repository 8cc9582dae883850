package io.heitu.service.app;

/** A choice in a form: the ledger's id and a name for people (public for the templates). */
public record Choice(String id, String name) {}
