package io.heitu.service.app;

/** A ledger refusal shown above a form: stable code, localized title and detail, the chaincode's reason. */
public record Refusal(String code, String title, String detail, String reason) {}
