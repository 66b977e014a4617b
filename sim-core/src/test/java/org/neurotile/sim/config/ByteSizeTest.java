package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurotile.sim.config.ConfigFileTest.errorOf;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void binarySuffixesArePowersOf1024() {
        assertEquals(512L * 1024, ByteSize.parse("512KiB"));
        assertEquals(2L << 20, ByteSize.parse("2MiB"));
        assertEquals(1L << 30, ByteSize.parse("1GiB"));
        assertEquals(3L << 40, ByteSize.parse("3TiB"));
    }

    @Test
    void decimalSuffixesArePowersOf1000() {
        assertEquals(64_000, ByteSize.parse("64KB"));
        assertEquals(64_000, ByteSize.parse("64kB"));
        assertEquals(5_000_000, ByteSize.parse("5MB"));
        assertEquals(2_000_000_000, ByteSize.parse("2GB"));
    }

    @Test
    void plainNumberOrBSuffixIsBytes() {
        assertEquals(4096, ByteSize.parse("4096"));
        assertEquals(4096, ByteSize.parse("4096B"));
        assertEquals(4096, ByteSize.parse(" 4 KiB "));
    }

    @Test
    void unknownUnitIsRejectedWithValidUnits() {
        assertEquals("invalid byte size '4kib': expected a whole number with an optional unit B, KB, MB, GB, TB"
                + " (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 512KiB", errorOf(() -> ByteSize.parse("4kib")));
    }

    @Test
    void fractionsNegativesAndEmptyTextAreRejected() {
        errorOf(() -> ByteSize.parse("1.5MiB"));
        errorOf(() -> ByteSize.parse("-1KiB"));
        errorOf(() -> ByteSize.parse(""));
        errorOf(() -> ByteSize.parse("KiB"));
    }

    @Test
    void overflowIsRejected() {
        assertEquals("byte size '9000000TiB' is too large: at most 9223372036854775807 bytes",
                errorOf(() -> ByteSize.parse("9000000TiB")));
        errorOf(() -> ByteSize.parse("99999999999999999999"));
    }

    // Found by ByteSizeFuzzTest: a size of 1,000 digits was quoted whole.
    @Test
    void aLongSizeIsQuotedCutShort() {
        assertEquals("byte size '" + "9".repeat(60) + "... (1000 characters)' is too large: at most "
                + Long.MAX_VALUE + " bytes", errorOf(() -> ByteSize.parse("9".repeat(1000))));
    }
}
