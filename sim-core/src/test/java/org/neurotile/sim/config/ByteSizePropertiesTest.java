package org.neurotile.sim.config;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Assertions;

class ByteSizePropertiesTest {
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    @Property
    void binaryUnitMultipliesByPowerOf1024(
            @ForAll @LongRange(min = 0, max = 1_000_000) long amount, @ForAll @IntRange(min = 0, max = 4) int unit) {
        Assertions.assertEquals(amount << (10 * unit), ByteSize.parse(amount + BINARY[unit]));
    }

    @Property
    void plainNumberParsesToItself(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bytes) {
        Assertions.assertEquals(bytes, ByteSize.parse(Long.toString(bytes)));
    }
}
