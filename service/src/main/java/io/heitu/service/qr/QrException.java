package io.heitu.service.qr;

import io.heitu.service.problem.ApiException;

/** A QR code, key or image the service refuses, with a stable {@link Error} code. */
public class QrException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Why a QR operation was refused; the name is the problem's stable code. */
    public enum Error {
        /** A GTIN with the wrong length, a non-digit or a wrong check digit. */
        INVALID_GTIN,
        /** A lot (AI 10) outside 1-20 characters of GS1 character set 82. */
        INVALID_LOT_CODE,
        /** A serial (AI 21) outside 1-20 characters of GS1 character set 82. */
        INVALID_SERIAL,
        /** A URI that is not a GS1 Digital Link this service issues: scheme, path, order or query. */
        INVALID_DIGITAL_LINK,
        /** A public key that does not decode, or is not Ed25519 / P-256. */
        INVALID_KEY,
        /** Content too long for a QR code, a bad size, or an empty request. */
        INVALID_ARGUMENT,
        /** More labels or pixels than one request may ask for. */
        LIMIT_EXCEEDED,
        /** The upload is not a PNG, JPEG or other image the JDK reads. */
        UNSUPPORTED_MEDIA_TYPE,
        /** The image was read but holds no QR code ZXing can decode. */
        QR_CODE_NOT_FOUND,
        /** No CJK font is installed for printing labels (a deployment fault). */
        FONT_NOT_FOUND
    }

    private final Error error;

    public QrException(Error error, String message) {
        super(error.name(), message);
        this.error = error;
    }

    public QrException(Error error, String message, Throwable cause) {
        this(error, message);
        initCause(cause);
    }

    public Error error() {
        return error;
    }
}
