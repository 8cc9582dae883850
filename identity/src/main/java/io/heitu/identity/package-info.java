/**
 * X.509 identities as a Fabric MSP knows them: an organisation's CA (EC P-256), enrolment with
 * Fabric CA's role attribute, PEM, and the serialized identity a proposal carries as its creator.
 *
 * <p>Entry points: {@link io.heitu.identity.CertificateAuthority} issues, {@link
 * io.heitu.identity.Enrollment} is a user's certificate and signing key.
 */
package io.heitu.identity;
