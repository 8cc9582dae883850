package io.heitu.chaincode.epcis;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import java.util.regex.Pattern;

/** GS1 keys: GTIN, GLN and SSCC with their mod-10 check digits, and lot codes (AI 10). */
public final class Gs1 {

    /** GS1 AI encodable character set 82, which AI 10 (lot) and AI 21 (serial) allow. */
    private static final Pattern GTIN = Pattern.compile("\\d{8}|\\d{12,14}");

    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");

    private Gs1() {}

    /**
     * A GTIN as GTIN-14. GTIN-8, -12 and -13 are accepted and padded with leading zeros, as GS1
     * Digital Link and EPCIS expect the 14-digit form.
     */
    public static String gtin(String value) {
        if (value == null || !GTIN.matcher(value).matches()) {
            throw new TraceException(ErrorCode.INVALID_GTIN, "a GTIN has 8, 12, 13 or 14 digits");
        }
        String gtin14 = "0".repeat(14 - value.length()) + value;
        if (!checkDigitValid(gtin14)) {
            throw new TraceException(ErrorCode.INVALID_GTIN, "GTIN " + value + " has a wrong check digit");
        }
        return gtin14;
    }

    public static String gln(String value) {
        if (value == null || !value.matches("\\d{13}") || !checkDigitValid(value)) {
            throw new TraceException(ErrorCode.INVALID_GLN, "a GLN has 13 digits with a valid check digit");
        }
        return value;
    }

    public static String sscc(String value) {
        if (value == null || !value.matches("\\d{18}") || !checkDigitValid(value)) {
            throw new TraceException(ErrorCode.INVALID_SSCC, "an SSCC has 18 digits with a valid check digit");
        }
        return value;
    }

    /**
     * A lot or batch number: 1-20 characters of GS1's character set 82, but none of {@code / % ;}
     * and not only dots. GS1 allows those, but a lot is addressed by its code in web paths (the QR
     * code's Digital Link {@code /01/…/10/{lot}}, the API's {@code /api/lots/{gtin}/{lot}}), where
     * an encoded slash, an encoded percent sign, a semicolon or a dot segment is refused or
     * rewritten by servers and proxies on the way: such a lot could be made but never looked up,
     * scanned or recalled by its code. Refused here, every path that makes a lot (a harvest, a
     * transformation, an EPCIS capture, an import) refuses it on every ledger.
     */
    public static String lotCode(String value) {
        if (value == null || !CSET_82.matcher(value).matches()) {
            throw new TraceException(
                    ErrorCode.INVALID_LOT_CODE,
                    "a lot code has 1-20 letters, digits or GS1-allowed symbols, got '" + Texts.clip(value) + "'");
        }
        if (UNADDRESSABLE.matcher(value).find()) {
            throw new TraceException(
                    ErrorCode.INVALID_LOT_CODE,
                    "a lot code may not contain '/', '%' or ';' nor be only dots: web addresses cannot carry them"
                            + " reliably, so the lot could not be scanned or looked up; got '" + Texts.clip(value)
                            + "'");
        }
        return value;
    }

    private static final Pattern UNADDRESSABLE = Pattern.compile("[/%;]|^\\.+$");

    /** The GS1 mod-10 check digit of the digits before the last one. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int length = digitsWithoutCheck.length();
        for (int i = 0; i < length; i++) {
            int digit = digitsWithoutCheck.charAt(length - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean checkDigitValid(String digits) {
        int last = digits.charAt(digits.length() - 1) - '0';
        return checkDigit(digits.substring(0, digits.length() - 1)) == last;
    }
}
