package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertEquals(3, Suggestions.editDistance("kitten", "sitting"));
        assertEquals(0, Suggestions.editDistance("", ""));
        assertEquals(4, Suggestions.editDistance("", "abcd"));
    }

    @Test
    void caseSlipSuggestsTheKey() {
        assertEquals(Optional.of("widthTiles"), Suggestions.nearest("WidthTiles", List.of("heightTiles", "widthTiles")));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertEquals(Optional.of("ab"), Suggestions.nearest("a", List.of("ac", "ab")));
    }

    @Test
    void unrelatedInputGetsNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.nearest("zzzzzz", List.of("width", "height")));
    }

    @Test
    void aKeyWithoutItsUnitSuggestsTheKeyWithIt() {
        assertEquals(Optional.of("routerDelayCycles"),
                Suggestions.nearest("routerDelay", List.of("router", "routerDelayCycles", "routing")));
    }
}
