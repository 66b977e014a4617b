package org.neurotile.neuron.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategoryTest {

    @Test
    void onlyTheWordsAndBytesMovedAreDerivedAndUnpriced() {
        List<Category> derived = Arrays.stream(Category.values()).filter(c -> !c.pricing().isPriced()).toList();
        assertEquals(List.of(Category.WORDS_MOVED, Category.BYTES_MOVED), derived);
    }

    @Test
    void everyMemoryAccessNamesItsStore() {
        for (Category category : Category.values()) {
            if (category.isMemoryAccess()) {
                assertTrue(category.store() != null, category.id());
            } else {
                assertThrows(IllegalStateException.class, category::store, category.id());
            }
        }
    }

    @Test
    void readsAndWritesPairUpByStore() {
        assertEquals(Store.OPTIMIZER_STATE, Category.OPTIMIZER_WRITES.store());
        assertEquals(Pricing.MEMORY_READ, Category.ERROR_READS.pricing());
        assertEquals(Pricing.MEMORY_WRITE, Category.ERROR_WRITES.pricing());
    }

    @Test
    void idsNameTheirCategoryAndUnknownIdsNone() {
        for (Category category : Category.values()) {
            assertEquals(Optional.of(category), Category.byId(category.id()));
        }
        assertEquals(Optional.empty(), Category.byId("MACS"));
    }
}
