package io.heitu.service.app;

/** A product with what the forms and the dashboard need to know about it. */
public record ProductChoice(String gtin, String name, String ownerMsp, String category, boolean inspectionRequired) {}
