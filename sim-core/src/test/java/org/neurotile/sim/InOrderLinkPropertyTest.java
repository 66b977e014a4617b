package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class InOrderLinkPropertyTest {

    /**
     * A ring of nodes, each with two serializing outputs (to the next node and the one after) that
     * packets from both of its inputs compete for, in dispatch order: the order decides who waits.
     */
    private static final class Ring {
        final Simulation sim = new Simulation();
        final List<String> log = new ArrayList<>();
        final OutPort[][] outs;
        final long[][] busyUntil;
        final long seed;

        Ring(int nodes, boolean inOrder, long seed) {
            this.seed = seed;
            outs = new OutPort[nodes][2];
            busyUntil = new long[nodes][2];
            InPort[][] ins = new InPort[nodes][2];
            for (int n = 0; n < nodes; n++) {
                int node = n;
                Component c = new Component(sim, "node" + n) { };
                outs[n][0] = c.outPort("next");
                outs[n][1] = c.outPort("skip");
                ins[n][0] = c.inPort("fromPrevious", m -> arrive(node, m));
                ins[n][1] = c.inPort("fromSkip", m -> arrive(node, m));
            }
            for (int n = 0; n < nodes; n++) {
                for (int way = 0; way < 2; way++) {
                    InPort to = ins[(n + 1 + way) % nodes][way];
                    long latency = (n + way) % 3;
                    if (inOrder) {
                        Link.connectInOrder(sim, outs[n][way], to, latency);
                    } else {
                        Link.connect(sim, outs[n][way], to, latency);
                    }
                }
            }
        }

        /** A packet: its id (low 16 bits) and the hops it has left (above). */
        void arrive(int node, long packet) {
            log.add(sim.nowCycles() + ":" + node + ":" + packet);
            long hopsLeft = packet >>> 16;
            if (hopsLeft > 0) {
                send(node, packet - (1L << 16), 2);
            }
        }

        void send(int node, long packet, long delay) {
            long mix = (packet & 0xffff) * 0x9E3779B97F4A7C15L ^ seed ^ (packet >>> 16) * 31;
            int way = (int) ((mix >>> 40) & 1);
            long serialization = 1 + ((mix >>> 20) & 7);
            long now = sim.nowCycles();
            long grant = Math.max(now + delay, busyUntil[node][way]);
            busyUntil[node][way] = grant + serialization;
            outs[node][way].sendAfter(grant - now, packet);
        }
    }

    @Property(tries = 200)
    void inOrderLinksDispatchExactlyAsOneEventPerMessage(@ForAll @IntRange(min = 2, max = 9) int nodes,
            @ForAll @IntRange(min = 1, max = 200) int packets, @ForAll long seed) {
        assertEquals(run(nodes, packets, seed, false), run(nodes, packets, seed, true));
    }

    private static List<String> run(int nodes, int packets, long seed, boolean inOrder) {
        Ring ring = new Ring(nodes, inOrder, seed);
        for (int p = 0; p < packets; p++) {
            long hops = Math.floorMod(seed + p * 7L, 12);
            ring.send(Math.floorMod(p * 5 + (int) seed, nodes), hops << 16 | p, 0);
        }
        ring.sim.run();
        return ring.log;
    }
}
