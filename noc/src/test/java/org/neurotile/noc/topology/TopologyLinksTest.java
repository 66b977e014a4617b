package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

class TopologyLinksTest {

    @Provide
    Arbitrary<Topology> topologies() {
        return TopologyArbitraries.anyTopology();
    }

    @Property
    void linkLooksUpEveryLinkByItsEnds(@ForAll("topologies") Topology t) {
        for (int l = 0; l < t.linkCount(); l++) {
            assertEquals(l, t.link(t.linkFrom(l), t.linkTo(l)), t.linkName(l));
        }
    }

    @Property
    void noLinkIsASelfLoop(@ForAll("topologies") Topology t) {
        for (int l = 0; l < t.linkCount(); l++) {
            assertNotEquals(t.linkFrom(l), t.linkTo(l), t.linkName(l));
        }
    }

    @Property
    void outLinksListExactlyTheLinksLeavingEachRouterInIdOrder(@ForAll("topologies") Topology t) {
        int seen = 0;
        for (int r = 0; r < t.routerCount(); r++) {
            int previous = -1;
            for (int i = 0; i < t.outLinkCount(r); i++) {
                final int l = t.outLink(r, i);
                assertEquals(r, t.linkFrom(l));
                assertEquals(true, l > previous);
                previous = l;
                seen++;
            }
        }
        assertEquals(t.linkCount(), seen);
    }

    @Property
    void everyLinkHasAReverseLink(@ForAll("topologies") Topology t) {
        for (int l = 0; l < t.linkCount(); l++) {
            assertNotEquals(-1, t.link(t.linkTo(l), t.linkFrom(l)), t.linkName(l));
        }
    }

    @Property
    void tileAndCoordAreInverse(@ForAll("topologies") Topology t) {
        for (int tile = 0; tile < t.tileCount(); tile++) {
            assertEquals(tile, t.tile(t.coord(tile)));
        }
    }

    @Property
    void minimalHopsIsZeroOnlyFromATileToItself(@ForAll("topologies") Topology t) {
        for (int a = 0; a < t.tileCount(); a++) {
            for (int b = 0; b < t.tileCount(); b++) {
                assertEquals(a == b, t.minimalHops(a, b) == 0);
                assertEquals(t.minimalHops(a, b), t.minimalHops(b, a));
            }
        }
    }
}
