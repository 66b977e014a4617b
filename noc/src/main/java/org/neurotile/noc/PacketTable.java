package org.neurotile.noc;

import java.util.Arrays;
import org.neurotile.noc.routing.MulticastTree;

/**
 * Packets in flight, as parallel primitive arrays indexed by a slot that travels in events. Slots
 * are recycled when a packet's last copy is delivered.
 */
final class PacketTable {
    static final int NO_DESTINATION = -1;

    int[] source;
    int[] destination; // NO_DESTINATION when the packet follows a tree
    MulticastTree[] tree;
    int[] payloadBytes;
    int[] flits;
    long[] serializationCycles;
    long[] sentCycles;
    long[] tag;
    int[] pendingDeliveries;
    /**
     * What the ideal router reads at every hop, side by side so that a hop touches one cache line:
     * per slot {@link #HOP_FIELDS} longs, the destination, payload bytes, flits and serialization cycles.
     */
    long[] hop;
    static final int HOP_FIELDS = 4;
    private int[] free;
    private int freeCount;
    private int used;

    PacketTable(int capacity) {
        source = new int[capacity];
        destination = new int[capacity];
        tree = new MulticastTree[capacity];
        payloadBytes = new int[capacity];
        flits = new int[capacity];
        serializationCycles = new long[capacity];
        sentCycles = new long[capacity];
        tag = new long[capacity];
        pendingDeliveries = new int[capacity];
        hop = new long[capacity * HOP_FIELDS];
        free = new int[capacity];
    }

    int inFlight() {
        return used - freeCount;
    }

    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == source.length) {
            grow(used * 2);
        }
        return used++;
    }

    void release(int slot) {
        tree[slot] = null;
        free[freeCount++] = slot;
    }

    private void grow(int capacity) {
        source = Arrays.copyOf(source, capacity);
        destination = Arrays.copyOf(destination, capacity);
        tree = Arrays.copyOf(tree, capacity);
        payloadBytes = Arrays.copyOf(payloadBytes, capacity);
        flits = Arrays.copyOf(flits, capacity);
        serializationCycles = Arrays.copyOf(serializationCycles, capacity);
        sentCycles = Arrays.copyOf(sentCycles, capacity);
        tag = Arrays.copyOf(tag, capacity);
        pendingDeliveries = Arrays.copyOf(pendingDeliveries, capacity);
        hop = Arrays.copyOf(hop, capacity * HOP_FIELDS);
        free = Arrays.copyOf(free, capacity);
    }
}
