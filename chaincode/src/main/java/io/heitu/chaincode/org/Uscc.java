package io.heitu.chaincode.org;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;

/** China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, mod-31 check. */
final class Uscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {}

    static String require(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() != 18 || !value.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)) {
            throw new TraceException(ErrorCode.INVALID_USCC, "a unified social credit code has 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (CHARSET.charAt(check) != value.charAt(17)) {
            throw new TraceException(
                    ErrorCode.INVALID_USCC, "the unified social credit code has a wrong check character");
        }
        return value;
    }
}
