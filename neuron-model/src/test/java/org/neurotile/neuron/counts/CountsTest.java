package org.neurotile.neuron.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsTest {
    private static final Counts SOME = Counts.of(category -> category.ordinal() + 1L);

    @Test
    void getReturnsTheCountOfItsCategory() {
        assertEquals(Category.MACS.ordinal() + 1L, SOME.get(Category.MACS));
        assertEquals(0L, Counts.ZERO.get(Category.OFF_CHIP_BYTES));
    }

    @Test
    void plusAddsCategoryByCategory() {
        Counts sum = SOME.plus(SOME.times(2));
        for (Category category : Category.values()) {
            assertEquals(3 * SOME.get(category), sum.get(category), category.id());
        }
    }

    @Test
    void timesScalesEveryCategory() {
        assertEquals(5 * SOME.get(Category.WEIGHT_READS), SOME.times(5).get(Category.WEIGHT_READS));
        assertEquals(Counts.ZERO, SOME.times(0));
    }

    @Test
    void operationsLeaveTheOperandsUnchanged() {
        long[] values = new long[Category.count()];
        values[Category.ADDS.ordinal()] = 4;
        Counts counts = Counts.of(values);
        values[Category.ADDS.ordinal()] = 99;
        counts.plus(counts);
        counts.times(3);
        assertEquals(4L, counts.get(Category.ADDS));
    }

    @Test
    void iterationFollowsTheCategoryOrder() {
        List<Category> seen = new ArrayList<>();
        SOME.forEach((category, value) -> seen.add(category));
        assertEquals(List.of(Category.values()), seen);
    }

    @Test
    void theIdKeyedViewHasEveryIdInCategoryOrder() {
        Map<String, Long> byId = SOME.byId();
        assertEquals(Category.ids(), List.copyOf(byId.keySet()));
        assertEquals(SOME.get(Category.NOC_BYTE_HOPS), byId.get("nocByteHops"));
    }

    @Test
    void countsOfTheSameValuesAreEqual() {
        assertEquals(SOME, Counts.of(category -> category.ordinal() + 1L));
        assertEquals(SOME.hashCode(), Counts.of(category -> category.ordinal() + 1L).hashCode());
        assertNotEquals(SOME, SOME.times(2));
    }

    @Test
    void anArrayOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Counts.of(new long[Category.count() - 1]));
    }
}
