package org.neurotile.neuron.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;

/**
 * One training example as the chip executes it: tasks (the work of one tile for one layer in one
 * phase, with the counts of what it does) and messages between them. A task starts when every
 * packet sent to it and every task it depends on has arrived or finished, and its tile is free;
 * when it finishes it sends its messages. A rule builds the graph; the chip's executor times
 * it on the network. The graph is the communication plan; counting and timing need nothing else.
 */
public final class TaskGraph {
    /** The layer number of work that belongs to no layer, such as bringing the input onto the chip. */
    public static final int NO_LAYER = 0;

    private final List<Task> tasks = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<Long, Integer> firstTaskAt = new HashMap<>();

    /** Work of one tile in one phase for one layer; plans build tasks through the graph's methods. */
    public static final class Task {
        final int id;
        final int tile;
        final Phase phase;
        final int layer;
        final long[] counts = new long[Category.count()];
        final List<Integer> successors = new ArrayList<>();
        final List<Integer> messagesSent = new ArrayList<>();
        int waitsFor;

        Task(int id, int tile, Phase phase, int layer) {
            this.id = id;
            this.tile = tile;
            this.phase = phase;
            this.layer = layer;
        }

        public int id() {
            return id;
        }

        public int tile() {
            return tile;
        }

        public Phase phase() {
            return phase;
        }

        public int layer() {
            return layer;
        }

        /** What the task counts, by category ordinal (a copy). */
        public long[] counts() {
            return counts.clone();
        }

        /** Tasks that wait for this one. */
        public List<Integer> successors() {
            return Collections.unmodifiableList(successors);
        }

        /** Messages this task sends when it finishes. */
        public List<Integer> messagesSent() {
            return Collections.unmodifiableList(messagesSent);
        }

        /** How many tasks this one waits for. */
        public int waitsFor() {
            return waitsFor;
        }
    }

    /**
     * Words from one task to tasks on other tiles, sent when the sender finishes.
     *
     * @param destinationTiles ascending, without the sender's own tile
     * @param receivers the receiving task on each destination tile, aligned with destinationTiles
     */
    public record Message(int sender, int[] destinationTiles, int[] receivers, long words) {
        public int receiverAt(int tile) {
            return receivers[Arrays.binarySearch(destinationTiles, tile)];
        }
    }

    public int addTask(int tile, Phase phase, int layer) {
        if (tile < 0) {
            throw new IllegalArgumentException("negative tile " + tile);
        }
        Task task = new Task(tasks.size(), tile, phase, layer);
        tasks.add(task);
        firstTaskAt.putIfAbsent(key(tile, phase, layer), task.id);
        return task.id;
    }

    /** The first task added on {@code tile} for {@code layer} in {@code phase}, or -1. */
    public int firstTask(int tile, Phase phase, int layer) {
        return firstTaskAt.getOrDefault(key(tile, phase, layer), -1);
    }

    private static long key(int tile, Phase phase, int layer) {
        return ((long) tile << 36) | ((long) layer << 4) | phase.ordinal();
    }

    /** Adds to what a task does. */
    public void count(int task, Category category, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative count " + amount + " of " + category.id());
        }
        tasks.get(task).counts[category.ordinal()] += amount;
    }

    /** {@code task} starts only after {@code predecessor} finished (no message: on-tile order). */
    public void dependsOn(int task, int predecessor) {
        tasks.get(predecessor).successors.add(task);
        tasks.get(task).waitsFor++;
    }

    /**
     * Sends {@code words} from {@code sender} to each receiver task when the sender finishes. A
     * receiver on the sender's own tile gets the words locally, without the network; the others
     * share one message, carried as a multicast.
     */
    public void send(int sender, int[] receivers, long words) {
        if (words <= 0) {
            throw new IllegalArgumentException("a message carries at least one word, got " + words);
        }
        Task from = tasks.get(sender);
        int[][] byTile = new int[receivers.length][];
        int remote = 0;
        for (int receiver : receivers) {
            Task to = tasks.get(receiver);
            if (to.tile == from.tile) {
                dependsOn(receiver, sender);
            } else {
                byTile[remote++] = new int[] {to.tile, receiver};
            }
        }
        if (remote == 0) {
            return;
        }
        int[][] sorted = Arrays.copyOf(byTile, remote);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int[] tiles = new int[remote];
        int[] tasksAtTiles = new int[remote];
        for (int i = 0; i < remote; i++) {
            if (i > 0 && sorted[i][0] == sorted[i - 1][0]) {
                throw new IllegalArgumentException("two receivers of one message on tile " + sorted[i][0]);
            }
            tiles[i] = sorted[i][0];
            tasksAtTiles[i] = sorted[i][1];
        }
        messages.add(new Message(sender, tiles, tasksAtTiles, words));
        from.messagesSent.add(messages.size() - 1);
    }

    /** The tasks in the order they were added (their ids). */
    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    /** The messages in the order they were sent. */
    public List<Message> messages() {
        return Collections.unmodifiableList(messages);
    }

    public int taskCount() {
        return tasks.size();
    }

    public int tileOf(int task) {
        return tasks.get(task).tile;
    }

    public Phase phaseOf(int task) {
        return tasks.get(task).phase;
    }

    public int layerOf(int task) {
        return tasks.get(task).layer;
    }

    public long countOf(int task, Category category) {
        return tasks.get(task).counts[category.ordinal()];
    }

    /**
     * A copy without the tasks of {@code phase}, which must be sinks of the other phases: none of
     * them sends a message to or is followed by a task of another phase (true of the update tasks of
     * every plan; kernel copies exchange messages among update tasks only).
     */
    public TaskGraph withoutPhase(Phase phase) {
        TaskGraph copy = new TaskGraph();
        int[] copied = new int[tasks.size()];
        for (Task task : tasks) {
            if (task.phase == phase) {
                boolean feedsOtherPhase = task.successors.stream().anyMatch(t -> tasks.get(t).phase != phase)
                        || task.messagesSent.stream().flatMapToInt(m -> Arrays.stream(messages.get(m).receivers()))
                                .anyMatch(t -> tasks.get(t).phase != phase);
                if (feedsOtherPhase) {
                    throw new IllegalStateException("task " + task.id + " of phase " + phase.id() + " is not a sink");
                }
                copied[task.id] = -1;
                continue;
            }
            copied[task.id] = copy.addTask(task.tile, task.phase, task.layer);
            System.arraycopy(task.counts, 0, copy.tasks.get(copied[task.id]).counts, 0, task.counts.length);
        }
        for (Task task : tasks) {
            if (copied[task.id] >= 0) {
                for (int successor : task.successors) {
                    if (copied[successor] >= 0) {
                        copy.dependsOn(copied[successor], copied[task.id]);
                    }
                }
            }
        }
        for (Message message : messages) {
            if (copied[message.sender()] < 0) {
                continue; // between tasks of the phase left out
            }
            int[] receivers = new int[message.receivers().length];
            for (int i = 0; i < receivers.length; i++) {
                receivers[i] = copied[message.receivers()[i]];
                if (receivers[i] < 0) {
                    throw new IllegalStateException("a task of phase " + phase.id() + " receives a message");
                }
            }
            int sender = copied[message.sender()];
            copy.messages.add(new Message(sender, message.destinationTiles(), receivers, message.words()));
            copy.tasks.get(sender).messagesSent.add(copy.messages.size() - 1);
        }
        return copy;
    }
}
