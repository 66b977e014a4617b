package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void lineBreaksAUserTypedAreShownEscapedSoTheMessageIsOneLine() {
        assertEquals("key 'a\\nb\\r\\tc' is invalid", new InvalidInputException("key 'a\nb\r\tc' is invalid").getMessage());
    }

    @Test
    void otherControlCharactersAndUnicodeLineSeparatorsAreShownAsCodes() {
        assertEquals("'\\u0000\\u001b\\u2028\\u0085'", new InvalidInputException("'\u0000\u001b\u2028\u0085'").getMessage());
    }

    @Test
    void aMessageWithoutControlCharactersIsKeptAsItIs() {
        assertEquals("rule 'é' is unknown", new InvalidInputException("rule 'é' is unknown", null).getMessage());
    }
}
