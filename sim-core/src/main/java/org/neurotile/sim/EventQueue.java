package org.neurotile.sim;

import java.util.Arrays;

/**
 * The pending events of a simulation, in total order: time, then priority, then tag, then insertion
 * sequence.
 *
 * <p>Times are whole cycles, so the near future is a timing wheel: one bucket per cycle for the next
 * {@link #WHEEL_CYCLES} cycles, each bucket a list in insertion order, and a bitmap to skip empty
 * buckets. Events further ahead wait in a {@link FarEventHeap}. When the clock reaches a cycle, its
 * bucket and the far events of that cycle move into the {@link CurrentBatch}, which orders them by
 * rank and sequence. All state is in primitive arrays recycled through free lists: once grown to the
 * peak number of pending events, scheduling and dispatch allocate nothing.
 */
final class EventQueue {
    static final int WHEEL_CYCLES = 1 << 14;
    private static final int WHEEL_MASK = WHEEL_CYCLES - 1;
    private static final int NONE = -1;

    // Wheel events, interleaved by slot so that one event is one cache line access:
    // [rank, sequence, payload, next slot in the bucket].
    private static final int STRIDE = 4;
    private long[] slots;
    private int[] freeSlots;
    private int freeCount;
    private int slotsInUse;

    private final int[] bucketHead = new int[WHEEL_CYCLES];
    private final int[] bucketTail = new int[WHEEL_CYCLES];
    private final long[] occupied = new long[WHEEL_CYCLES / Long.SIZE];
    private int wheelEvents;

    private final FarEventHeap far = new FarEventHeap(256);
    private final CurrentBatch current = new CurrentBatch(256);
    private long currentTime;
    private long nextSequence;

    EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        slots = new long[capacity * STRIDE];
        freeSlots = new int[capacity];
        Arrays.fill(bucketHead, NONE);
        Arrays.fill(bucketTail, NONE);
    }

    /** Packs priority ({@code short} range) and tag (non-negative) so that ranks compare as longs. */
    static long rank(int priority, int tag) {
        return ((long) (priority - Short.MIN_VALUE)) << 32 | tag;
    }

    static int tagOfRank(long rank) {
        return (int) rank;
    }

    int size() {
        return current.size() + wheelEvents + far.size();
    }

    long currentTime() {
        return currentTime;
    }

    /** Adds an event at {@code time}, which must not be before {@link #currentTime()}. */
    void add(long time, long eventRank, long eventPayload) {
        long eventSequence = nextSequence++;
        long ahead = time - currentTime;
        if (ahead == 0) {
            current.add(eventRank, eventSequence, eventPayload);
        } else if (ahead > 0 && ahead < WHEEL_CYCLES) {
            addToWheel((int) (time & WHEEL_MASK), eventRank, eventSequence, eventPayload);
        } else {
            far.add(time, eventRank, eventSequence, eventPayload);
        }
    }

    /**
     * Makes the next event current if there is one at or before {@code endTime}; returns false
     * otherwise. After true, {@link #currentTime()} is its time and {@link #pop()} takes it.
     */
    boolean advance(long endTime) {
        if (!current.isEmpty()) {
            return true;
        }
        long wheelTime = wheelEvents > 0 ? nextWheelTime() : Long.MAX_VALUE;
        long farTime = far.isEmpty() ? Long.MAX_VALUE : far.peekTime();
        long time = Math.min(wheelTime, farTime);
        if (time == Long.MAX_VALUE || time > endTime) {
            return false;
        }
        currentTime = time;
        if (wheelTime == time) {
            loadBucket((int) (time & WHEEL_MASK));
        }
        while (!far.isEmpty() && far.peekTime() == time) {
            long key = far.pollKey();
            int slot = FarEventHeap.slotOfKey(key);
            current.add(far.rankOf(slot), far.sequenceOf(slot), far.payloadOf(slot));
        }
        return true;
    }

    /** Moves the clock to {@code time} when no event is pending before it. */
    void moveTo(long time) {
        if (!current.isEmpty() || time < currentTime) {
            throw new IllegalStateException("cannot move the event queue from " + currentTime + " to " + time);
        }
        currentTime = time;
    }

    /** Removes the current event and returns its rank; its payload is then {@link #poppedPayload()}. */
    long pop() {
        return current.pop();
    }

    long poppedPayload() {
        return current.poppedPayload();
    }

    private void addToWheel(int bucket, long eventRank, long eventSequence, long eventPayload) {
        int slot = allocateSlot();
        int base = slot * STRIDE;
        slots[base] = eventRank;
        slots[base + 1] = eventSequence;
        slots[base + 2] = eventPayload;
        slots[base + 3] = NONE;
        int tail = bucketTail[bucket];
        if (tail == NONE) {
            bucketHead[bucket] = slot;
            occupied[bucket >>> 6] |= 1L << bucket;
        } else {
            slots[tail * STRIDE + 3] = slot;
        }
        bucketTail[bucket] = slot;
        wheelEvents++;
    }

    private void loadBucket(int bucket) {
        int slot = bucketHead[bucket];
        while (slot != NONE) {
            int base = slot * STRIDE;
            current.add(slots[base], slots[base + 1], slots[base + 2]);
            int following = (int) slots[base + 3];
            freeSlots[freeCount++] = slot;
            slotsInUse--;
            wheelEvents--;
            slot = following;
        }
        bucketHead[bucket] = NONE;
        bucketTail[bucket] = NONE;
        occupied[bucket >>> 6] &= ~(1L << bucket);
    }

    /** The first occupied bucket after the current time, scanning the bitmap circularly. */
    private long nextWheelTime() {
        int start = (int) ((currentTime + 1) & WHEEL_MASK);
        int word = start >>> 6;
        long bits = occupied[word] & (-1L << start);
        int words = occupied.length;
        for (int scanned = 0; scanned <= words; scanned++) {
            if (bits != 0) {
                int bucket = (word << 6) + Long.numberOfTrailingZeros(bits);
                return currentTime + 1 + ((bucket - start) & WHEEL_MASK);
            }
            word = (word + 1) % words;
            bits = occupied[word];
        }
        throw new IllegalStateException("wheel holds " + wheelEvents + " events but no bucket is marked");
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            slotsInUse++;
            return freeSlots[--freeCount];
        }
        int slot = slotsInUse++;
        if (slot == freeSlots.length) {
            int capacity = slot * 2;
            slots = Arrays.copyOf(slots, capacity * STRIDE);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slot;
    }
}
