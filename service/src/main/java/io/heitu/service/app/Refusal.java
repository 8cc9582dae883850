package io.heitu.service.app;

/**
 * A ledger refusal shown above a form: stable code, localized title and detail, and the chaincode's
 * own explanation ({@code reason}, shown on English pages only, times in Beijing time; {@code
 * message} as the chaincode wrote it, for reading entry numbers and the like, never shown).
 */
public record Refusal(String code, String title, String detail, String reason, String message) {}
