package io.newsqa.translate;

/**
 * One line of a dictd {@code .index} file: headword, then the byte offset and length of its
 * definition in the uncompressed {@code .dict} data, both written in dictd's own base64 (the
 * digits of a base-64 number, most significant first, alphabet A–Z a–z 0–9 + /, no padding).
 */
record DictdIndexLine(String headword, long offset, int length) {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** @throws IllegalArgumentException naming the line when it is not headword TAB offset TAB length */
    static DictdIndexLine parse(String line, int lineNumber) {
        String[] fields = line.split("\t");
        if (fields.length != 3 || fields[0].isEmpty()) {
            throw new IllegalArgumentException(
                    "dictd index line " + lineNumber + " is not 'headword<TAB>offset<TAB>length': " + line);
        }
        long offset = decode(fields[1], lineNumber);
        long length = decode(fields[2], lineNumber);
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "dictd index line " + lineNumber + ": definition length " + length + " is too large");
        }
        return new DictdIndexLine(fields[0], offset, (int) length);
    }

    static long decode(String digits, int lineNumber) {
        if (digits.isEmpty() || digits.length() > 10) {
            throw new IllegalArgumentException(
                    "dictd index line " + lineNumber + ": bad base64 number '" + digits + "'");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = ALPHABET.indexOf(digits.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("dictd index line " + lineNumber + ": bad base64 digit '"
                        + digits.charAt(i) + "' in '" + digits + "'");
            }
            value = value * 64 + digit;
        }
        return value;
    }

    /** dictd's own metadata entries (00databaseinfo, 00databaseurl, ...) are not words. */
    boolean isMetadata() {
        return headword.startsWith("00database") || headword.startsWith("00-database");
    }
}
