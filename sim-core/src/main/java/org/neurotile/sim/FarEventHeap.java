package org.neurotile.sim;

import java.util.Arrays;

/**
 * Events too far in the future for the {@link EventQueue}'s wheel, in total order: time, then rank
 * (priority and tag), then insertion sequence.
 *
 * <p>A 4-ary min-heap over one {@code long[]}: each key packs the time (high 40 bits) with the index
 * of a slot (low 24 bits) that holds the rest of the event in primitive arrays. Comparing two keys
 * reads one array unless their times tie. Slots are recycled through a free list, so it allocates
 * nothing once the arrays have grown to the peak number of pending events.
 */
final class FarEventHeap {
    static final int SLOT_BITS = 24;
    static final int MAX_PENDING = 1 << SLOT_BITS;
    static final long MAX_TIME = (1L << (Long.SIZE - SLOT_BITS)) - 1;
    private static final long SLOT_MASK = MAX_PENDING - 1;

    private long[] heap;
    private int size;

    // Per slot: the rest of the event.
    private long[] rank; // priority (high bits, offset to be non-negative) then tag (low 32 bits)
    private long[] sequence;
    private long[] payload;
    private int[] freeSlots;
    private int freeCount;
    private int slotsInUse;

    FarEventHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heap = new long[capacity];
        rank = new long[capacity];
        sequence = new long[capacity];
        payload = new long[capacity];
        freeSlots = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return heap[0] >>> SLOT_BITS;
    }

    void add(long time, long eventRank, long eventSequence, long eventPayload) {
        if (time < 0 || time > MAX_TIME) {
            throw new IllegalArgumentException("event time " + time + " is outside 0.." + MAX_TIME);
        }
        int slot = allocateSlot();
        rank[slot] = eventRank;
        sequence[slot] = eventSequence;
        payload[slot] = eventPayload;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, (time << SLOT_BITS) | slot);
    }

    /**
     * Removes the earliest event and returns its key; read its slot with {@link #rankOf}, {@link
     * #sequenceOf} and {@link #payloadOf} before the next {@link #add}. The slot is freed at once.
     */
    long pollKey() {
        long top = heap[0];
        long last = heap[--size];
        if (size > 0) {
            siftDown(0, last);
        }
        freeSlots[freeCount++] = (int) (top & SLOT_MASK);
        slotsInUse--;
        return top;
    }

    static long timeOfKey(long key) {
        return key >>> SLOT_BITS;
    }

    static int slotOfKey(long key) {
        return (int) (key & SLOT_MASK);
    }

    long rankOf(int slot) {
        return rank[slot];
    }

    long sequenceOf(int slot) {
        return sequence[slot];
    }

    long payloadOf(int slot) {
        return payload[slot];
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            slotsInUse++;
            return freeSlots[--freeCount];
        }
        int slot = slotsInUse++;
        if (slot >= MAX_PENDING) {
            throw new IllegalStateException("more than " + MAX_PENDING + " pending events");
        }
        if (slot == rank.length) {
            int capacity = Math.min(MAX_PENDING, slot * 2);
            rank = Arrays.copyOf(rank, capacity);
            sequence = Arrays.copyOf(sequence, capacity);
            payload = Arrays.copyOf(payload, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slot;
    }

    private boolean before(long a, long b) {
        long timeA = a >>> SLOT_BITS;
        long timeB = b >>> SLOT_BITS;
        if (timeA != timeB) {
            return timeA < timeB;
        }
        int slotA = (int) (a & SLOT_MASK);
        int slotB = (int) (b & SLOT_MASK);
        long rankA = rank[slotA];
        long rankB = rank[slotB];
        if (rankA != rankB) {
            return rankA < rankB;
        }
        return sequence[slotA] < sequence[slotB];
    }

    private void siftUp(int hole, long key) {
        while (hole > 0) {
            int parent = (hole - 1) >>> 2;
            long parentKey = heap[parent];
            if (!before(key, parentKey)) {
                break;
            }
            heap[hole] = parentKey;
            hole = parent;
        }
        heap[hole] = key;
    }

    private void siftDown(int hole, long key) {
        while (true) {
            int first = (hole << 2) + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            long bestKey = heap[first];
            int end = Math.min(first + 4, size);
            for (int child = first + 1; child < end; child++) {
                long childKey = heap[child];
                if (before(childKey, bestKey)) {
                    best = child;
                    bestKey = childKey;
                }
            }
            if (!before(bestKey, key)) {
                break;
            }
            heap[hole] = bestKey;
            hole = best;
        }
        heap[hole] = key;
    }
}
