package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.util.regex.Pattern;

/** GS1 keys as this service prints them: GTIN-14 with its mod-10 check digit, lots and serials. */
public final class Gs1 {

    /** GS1 AI encodable character set 82, which AI 10 (lot) and AI 21 (serial) allow, 1-20 long. */
    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");

    private static final Pattern GTIN_DIGITS = Pattern.compile("\\d{8}|\\d{12,14}");

    private Gs1() {}

    /**
     * A GTIN as GTIN-14. GTIN-8, -12 and -13 are padded with leading zeros, the form GS1 Digital
     * Link and EPCIS use, so one product has one key whichever barcode it came from.
     */
    public static String gtin14(String value) {
        if (value == null || !GTIN_DIGITS.matcher(value).matches()) {
            throw new QrException(Error.INVALID_GTIN, "a GTIN has 8, 12, 13 or 14 digits");
        }
        String gtin = "0".repeat(14 - value.length()) + value;
        if (!checkDigitValid(gtin)) {
            throw new QrException(Error.INVALID_GTIN, "GTIN " + value + " has a wrong check digit");
        }
        return gtin;
    }

    /** A lot or batch number (AI 10): 1-20 characters of character set 82. */
    public static String lot(String value) {
        if (!isCset82(value)) {
            throw new QrException(Error.INVALID_LOT_CODE, "a lot has 1-20 letters, digits or GS1-allowed symbols");
        }
        return value;
    }

    /** A serial number (AI 21): 1-20 characters of character set 82. */
    public static String serial(String value) {
        if (!isCset82(value)) {
            throw new QrException(Error.INVALID_SERIAL, "a serial has 1-20 letters, digits or GS1-allowed symbols");
        }
        return value;
    }

    /** The GS1 mod-10 check digit for the given digits (weights 3, 1, 3, … from the right). */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int length = digitsWithoutCheck.length();
        for (int i = 0; i < length; i++) {
            int digit = digitsWithoutCheck.charAt(length - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit is the check digit of the ones before it. */
    public static boolean checkDigitValid(String digits) {
        int last = digits.charAt(digits.length() - 1) - '0';
        return checkDigit(digits.substring(0, digits.length() - 1)) == last;
    }

    static boolean isCset82(String value) {
        return value != null && CSET_82.matcher(value).matches();
    }
}
