package org.neurotile.neuron.chip;

import java.util.Arrays;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.noc.Destinations;
import org.neurotile.noc.Network;
import org.neurotile.noc.NocParameters;
import org.neurotile.sim.EventTarget;
import org.neurotile.sim.Simulation;

/**
 * Times a {@link TaskGraph} on a chip: each tile runs one task at a time, for the longer of its
 * compute and memory time plus a fixed overhead ({@link TileParameters#phaseCycles}); messages
 * travel as packets of at most {@code maxPacketBytes} on the network, a word taking the bytes of
 * what the sender's phase sends ({@link WordSizes#messageWordBytes}). Adds the network's share to
 * the counts of the sending task: bytes injected, and bytes times the links the message crosses.
 */
public final class ChipExecutor {
    private final Simulation simulation;
    private final Network network;
    private final TileParameters tile;
    private final WordSizes words;
    private final EventTarget finish;
    private Execution current;

    /** Wires the executor into the simulation; it then owns the network's delivery listener. */
    public ChipExecutor(Simulation simulation, Network network, TileParameters tile) {
        this(simulation, network, tile, WordSizes.uniform(tile.wordBytes()));
    }

    /** As {@link #ChipExecutor(Simulation, Network, TileParameters)}, messages in {@code words}' sizes. */
    public ChipExecutor(Simulation simulation, Network network, TileParameters tile, WordSizes words) {
        this.simulation = simulation;
        this.network = network;
        this.tile = tile;
        this.words = words;
        this.finish = simulation.register("chip.taskFinished", payload -> current.finish((int) payload));
        network.setDeliveryListener((tag, source, destination, sent, bytes) -> current.delivered((int) tag, destination));
    }

    /** Runs the graph from the simulation's current time until its last task finishes. */
    public ExampleRun run(TaskGraph graph) {
        current = new Execution(graph);
        try {
            return current.run();
        } finally {
            current = null;
        }
    }

    private final class Execution {
        private final TaskGraph graph;
        private final int[] waiting;
        private final long[] startCycles;
        private final long[] finishCycles;
        private final long[][] counts;
        private final long[] tileBusyUntil;
        private final long startTime;
        private int finished;

        Execution(TaskGraph graph) {
            this.graph = graph;
            int tasks = graph.taskCount();
            waiting = new int[tasks];
            startCycles = new long[tasks];
            finishCycles = new long[tasks];
            counts = new long[tasks][];
            tileBusyUntil = new long[network.topology().tileCount()];
            startTime = simulation.nowCycles();
            Arrays.fill(tileBusyUntil, startTime);
            for (TaskGraph.Task task : graph.tasks()) {
                if (task.tile() >= tileBusyUntil.length) {
                    throw new IllegalArgumentException("task on tile " + task.tile() + " of a "
                            + tileBusyUntil.length + "-tile chip");
                }
                waiting[task.id()] += task.waitsFor();
                counts[task.id()] = task.counts();
            }
            for (TaskGraph.Message message : graph.messages()) {
                int packets = packets(message).length;
                for (int receiver : message.receivers()) {
                    waiting[receiver] += packets;
                }
            }
        }

        void delivered(int messageIndex, int destinationTile) {
            arrived(graph.messages().get(messageIndex).receiverAt(destinationTile));
        }

        ExampleRun run() {
            for (TaskGraph.Task task : graph.tasks()) {
                if (waiting[task.id()] == 0) {
                    start(task.id());
                }
            }
            simulation.run();
            if (finished != graph.taskCount()) {
                throw new IllegalStateException(
                        (graph.taskCount() - finished) + " tasks never started: the graph has a cycle");
            }
            long end = startTime;
            for (long cycles : finishCycles) {
                end = Math.max(end, cycles);
            }
            return new ExampleRun(graph, counts, startCycles, finishCycles, end - startTime);
        }

        private void arrived(int task) {
            if (--waiting[task] == 0) {
                start(task);
            }
        }

        private void start(int task) {
            TaskGraph.Task t = graph.tasks().get(task);
            long now = simulation.nowCycles();
            long begin = Math.max(now, tileBusyUntil[t.tile()]);
            long cycles = tile.phaseCycles(t.counts()[Category.MACS.ordinal()] + t.counts()[Category.ADDS.ordinal()]
                    + t.counts()[Category.ELEMENTWISE_OPS.ordinal()], memoryWords(t.counts()));
            tileBusyUntil[t.tile()] = begin + cycles;
            startCycles[task] = begin;
            simulation.scheduleAt(finish, begin + cycles, task);
        }

        void finish(int task) {
            TaskGraph.Task t = graph.tasks().get(task);
            finishCycles[task] = simulation.nowCycles();
            finished++;
            for (int messageIndex : t.messagesSent()) {
                send(t, messageIndex);
            }
            for (int successor : t.successors()) {
                arrived(successor);
            }
        }

        private void send(TaskGraph.Task sender, int messageIndex) {
            TaskGraph.Message message = graph.messages().get(messageIndex);
            Destinations destinations = Destinations.tiles(message.destinationTiles());
            long[] c = counts[sender.id()];
            // Under the vc router a multicast packet longer than a buffer travels as unicast copies.
            long[] links = {-1, -1};
            for (int payload : packets(message)) {
                boolean tree = network.travelsAsTree(payload);
                int way = tree ? 0 : 1;
                if (links[way] < 0) {
                    links[way] = network.linksCrossed(sender.tile(), destinations, payload);
                }
                long copies = tree ? 1 : message.destinationTiles().length;
                network.send(sender.tile(), destinations, payload, messageIndex);
                c[Category.NOC_BYTES_INJECTED.ordinal()] += payload * copies;
                c[Category.NOC_BYTE_HOPS.ordinal()] += payload * links[way];
            }
        }

        /** Payload bytes of each packet of a message. */
        private int[] packets(TaskGraph.Message message) {
            long bytes = message.words() * words.messageWordBytes(graph.tasks().get(message.sender()).phase());
            NocParameters noc = network.parameters();
            int max = noc.maxPacketBytes();
            int count = Math.toIntExact((bytes + max - 1) / max);
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = (int) Math.min(max, bytes - (long) i * max);
            }
            return sizes;
        }

        private long memoryWords(long[] taskCounts) {
            long words = 0;
            for (int i = 0; i < taskCounts.length; i++) {
                if (Category.of(i).isMemoryAccess()) {
                    words += taskCounts[i];
                }
            }
            return words;
        }
    }
}
