package org.neurotile.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;

class CounterFamilyTest {

    @Test
    void familyMembersAreTheCountersOfTheirNames() {
        final Statistics stats = new Statistics();
        final Counter[] links = stats.scope("noc").counters("link", 3, "bytes", "flits");
        assertSame(links[2 * 2 + 1], stats.counter("noc.link[2].flits"));
        assertSame(links[0], stats.scope("noc").scope("link[0]").counter("bytes"));
    }

    @Test
    void snapshotNamesEveryMemberAsIfRegisteredOneByOne() {
        final Statistics family = new Statistics();
        final Statistics oneByOne = new Statistics();
        final Counter[] links = family.scope("noc").counters("link", 12, "bytes", "busyCycles");
        family.counter("noc.messages").add(1);
        oneByOne.counter("noc.messages").add(1);
        for (int link = 0; link < 12; link++) {
            links[2 * link].add(link);
            links[2 * link + 1].add(100 + link);
            oneByOne.counter("noc.link[" + link + "].bytes").add(link);
            oneByOne.counter("noc.link[" + link + "].busyCycles").add(100 + link);
        }
        assertEquals(oneByOne.snapshot(), family.snapshot());
    }

    @Test
    void globsDisableMembersByName() {
        final Statistics stats = new Statistics(List.of("noc.link[1].*"));
        final Counter[] links = stats.scope("noc").counters("link", 3, "bytes");
        links[0].add(5);
        links[1].add(7);
        assertSame(DisabledCounter.INSTANCE, links[0]);
        assertEquals(List.of(new StatsSnapshot.CounterValue("noc.link[1].bytes", 7)), stats.snapshot().counters());
    }

    @Test
    void registeringTheSameFamilyAgainGivesTheSameCounters() {
        final Statistics stats = new Statistics();
        assertSame(stats.counters("link", 4, "bytes"), stats.counters("link", 4, "bytes"));
    }

    @Test
    void aFamilyOfOtherShapeUnderTheSameNameIsRejected() {
        final Statistics stats = new Statistics();
        stats.counters("link", 4, "bytes");
        assertThrows(InvalidInputException.class, () -> stats.counters("link", 5, "bytes"));
    }

    @Test
    void aNameRegisteredAloneBeforeItsFamilyFailsTheSnapshot() {
        final Statistics stats = new Statistics();
        stats.counter("link[1].bytes");
        stats.counters("link", 2, "bytes");
        assertThrows(IllegalStateException.class, stats::snapshot);
    }

    @Test
    void aMemberNameCannotBeAHistogram() {
        final Statistics stats = new Statistics();
        stats.counters("link", 2, "bytes");
        assertThrows(InvalidInputException.class, () -> stats.histogram("link[1].bytes"));
    }

    @Test
    void namesOutsideTheFamilyStayTheirOwn() {
        final Statistics stats = new Statistics();
        final Counter[] links = stats.counters("link", 2, "bytes");
        final Counter other = stats.counter("link[2].bytes");
        final Counter padded = stats.counter("link[01].bytes");
        assertEquals(4, stats.snapshot().counters().size());
        for (final Counter member : links) {
            assertNotSame(member, other);
            assertNotSame(member, padded);
        }
    }
}
