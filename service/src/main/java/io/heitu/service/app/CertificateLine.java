package io.heitu.service.app;

/** A certificate about a lot as its page lists it (public for the templates). */
public record CertificateLine(
        String issuerMsp, String issuer, String number, String type, String status, String validUntil) {}
