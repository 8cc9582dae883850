package io.heitu.chaincode.product;

/** The owner of a GTIN lets another organisation make lots under it (a member of its cooperative, a co-packer). */
public record Licence(String gtin, String licenseeMsp, String grantedBy, String grantedAt) {}
