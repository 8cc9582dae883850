package io.heitu.service.qr;

/**
 * What checking a code found: its {@link CodeFinding} (the reason behind the scan's verdict), what
 * the code says, and whose key signed it.
 *
 * @param link what the code says; {@code null} when {@link CodeFinding#MALFORMED}
 * @param keyId the key it claims; {@code null} when unsigned or malformed
 * @param org MSP ID of the key's owner, when the key was found
 */
public record CodeCheck(CodeFinding finding, DigitalLink link, String keyId, String org) {

    public boolean genuine() {
        return finding == CodeFinding.GENUINE;
    }
}
