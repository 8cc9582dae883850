package io.heitu.chaincode.lot;

/** A quality grade set by an inspector: level 1 is the best grade of the standard (e.g. GB/T 1354 一级). */
public record LotGrade(String standard, int level, String label, String inspectorMsp, String at, String eventId) {}
