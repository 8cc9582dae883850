package io.heitu.service.evidence;

/**
 * The EXIF orientation of a JPEG (1–8; 1 when absent or unreadable): phones store pictures sideways
 * and say so in this tag, which ImageIO ignores. Reads only the APP1 segment's first directory.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = u16(jpeg, at + 2, true);
                if (marker == 0xE1 && exifHeader(jpeg, at + 4)) {
                    return orientation(jpeg, at + 10, at + 2 + length);
                }
                if (marker == 0xDA || length < 2) {
                    return 1;
                }
                at += 2 + length;
            }
        } catch (IndexOutOfBoundsException malformed) {
            return 1;
        }
        return 1;
    }

    private static boolean exifHeader(byte[] b, int at) {
        return at + 6 <= b.length && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f';
    }

    /** The TIFF structure starting at {@code tiff}: byte order, then the first directory's entries. */
    private static int orientation(byte[] b, int tiff, int end) {
        boolean bigEndian = b[tiff] == 'M';
        int directory = tiff + (int) u32(b, tiff + 4, bigEndian);
        int entries = u16(b, directory, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long high = u16(b, bigEndian ? at : at + 2, bigEndian);
        long low = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }
}
