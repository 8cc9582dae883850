package io.heitu.service.problem;

/** A refusal decided by the service itself (not the chaincode), with a stable code. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ApiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
