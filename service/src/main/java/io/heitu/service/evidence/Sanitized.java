package io.heitu.service.evidence;

/**
 * A file as it is kept: re-encoded from the upload, with what the ledger records about it.
 *
 * @param pages null for an image
 */
record Sanitized(byte[] bytes, String mediaType, int width, int height, Integer pages) {

    static final String JPEG = "image/jpeg";
    static final String PDF = "application/pdf";
}
