package io.heitu.service.app;

/** A spreadsheet row's problem: its number as people count rows (the header is row 1) and a message key. */
public record RowError(int row, String messageKey) {}
