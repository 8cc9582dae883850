package io.heitu.chaincode.support;

import io.heitu.chaincode.core.ErrorCode;
import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;

/** {@code assertThat(result).isRefusedWith(LOT_RECALLED)}: assertions that print the whole outcome. */
public final class ResultAssert extends AbstractAssert<ResultAssert, Result> {

    private ResultAssert(Result actual) {
        super(actual, ResultAssert.class);
    }

    public static ResultAssert assertThat(Result actual) {
        return new ResultAssert(actual);
    }

    public ResultAssert isOk() {
        isNotNull();
        if (!actual.ok()) {
            failWithMessage("expected the transaction to succeed but it was %s", actual);
        }
        return this;
    }

    public ResultAssert isRefusedWith(ErrorCode code) {
        isNotNull();
        if (actual.ok() || !code.name().equals(actual.code())) {
            failWithMessage("expected a refusal with %s but the outcome was %s", code, actual);
        }
        return this;
    }

    /** Refused or not, the outcome is none of these codes (and never an unexpected failure). */
    public ResultAssert isNotRefusedWith(ErrorCode... codes) {
        isNotNull();
        if (!actual.ok()
                && (Arrays.stream(codes).anyMatch(code -> code.name().equals(actual.code()))
                        || ErrorCode.INTERNAL_ERROR.name().equals(actual.code()))) {
            failWithMessage("expected no refusal with %s but the outcome was %s", Arrays.toString(codes), actual);
        }
        return this;
    }

    /** Succeeded or refused with a stable code: never an unexpected failure inside the chaincode. */
    public ResultAssert isNotAnInternalError() {
        return isNotRefusedWith();
    }

    /** The duplicate flag of an event-recording transaction. */
    public ResultAssert isDuplicate(boolean duplicate) {
        isOk();
        if (actual.json().path("duplicate").asBoolean() != duplicate) {
            failWithMessage("expected duplicate:%s but the outcome was %s", duplicate, actual);
        }
        return this;
    }
}
