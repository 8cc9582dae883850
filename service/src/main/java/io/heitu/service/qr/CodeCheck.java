package io.heitu.service.qr;

/**
 * The outcome of checking a code.
 *
 * @param link what the code says; {@code null} when {@link Verdict#MALFORMED}
 * @param keyId the key it claims; {@code null} when unsigned or malformed
 * @param org MSP ID of the key's owner, when the key was found
 */
public record Verification(Verdict verdict, DigitalLink link, String keyId, String org) {

    public boolean genuine() {
        return verdict == Verdict.GENUINE;
    }
}
