package io.heitu.chaincode.core;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refused transaction. The message reads {@code CODE: explanation} so that the code survives the
 * Fabric gateway, which passes on only the message; the payload carries the same as canonical JSON.
 */
public final class TraceException extends ChaincodeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    public TraceException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public TraceException(ErrorCode code, String message, Map<String, String> details) {
        super(code.name() + ": " + message, payload(code, message, details));
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    private static byte[] payload(ErrorCode code, String message, Map<String, String> details) {
        Map<String, Object> body = new TreeMap<>();
        body.put("code", code.name());
        body.put("message", message);
        body.put("details", new TreeMap<>(details));
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
