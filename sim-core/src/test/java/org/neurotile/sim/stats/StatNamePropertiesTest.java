package org.neurotile.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StatNamePropertiesTest {
    /** The grammar of a name as a regular expression: the specification the scanner implements. */
    private static final String SEGMENT = "[A-Za-z_][A-Za-z0-9_]*(\\[[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*\\])?";
    private static final Pattern NAME = Pattern.compile(SEGMENT + "(\\." + SEGMENT + ")*");

    @Property(tries = 5000, seed = "20261130")
    void scannerAcceptsExactlyTheNamesOfTheGrammar(@ForAll("names") String name) {
        assertEquals(NAME.matcher(name).matches(), StatName.isValid(name), name);
    }

    /** Strings over the grammar's characters and a few others, short enough to hit valid names often. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "Z", "_", "7", ".", "[", "]", ",", "-", " ", "noc", "link[3]", "tile[3,4]")
                .list().ofMaxSize(8).map(parts -> String.join("", parts));
    }
}
