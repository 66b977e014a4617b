package org.neurotile.sim;

import java.util.Arrays;

/**
 * The pending events of a simulation, in total order: time, then priority, then tag, then insertion
 * sequence.
 *
 * <p>Times are whole cycles, so the near future is a timing wheel: one bucket per cycle for the next
 * {@link #WHEEL_CYCLES} cycles, each bucket a chain of fixed-size chunks filled in insertion order
 * (so appending and draining a bucket walk memory sequentially), and a bitmap to skip empty
 * buckets. Events further ahead wait in a {@link FarEventHeap}. When the clock reaches a cycle, its
 * bucket and the far events of that cycle move into the {@link CurrentBatch}, which orders them by
 * rank and sequence. All state is in primitive arrays recycled through free lists: once grown to the
 * peak number of pending events, scheduling and dispatch allocate nothing.
 */
final class EventQueue {
    static final int WHEEL_CYCLES = 1 << 14;
    private static final int WHEEL_MASK = WHEEL_CYCLES - 1;
    private static final int NONE = -1;

    // Wheel events live in chunks of CHUNK_EVENTS, each event [rank, sequence, payload].
    private static final int CHUNK_EVENTS = 16;
    private static final int EVENT_LONGS = 3;
    private static final int CHUNK_LONGS = CHUNK_EVENTS * EVENT_LONGS;
    private long[] chunkEvents;
    private int[] chunkNext;
    private int[] freeChunks;
    private int freeChunkCount;
    private int chunksCreated;

    private final int[] bucketHead = new int[WHEEL_CYCLES];
    private final int[] bucketTail = new int[WHEEL_CYCLES];
    private final int[] bucketTailFill = new int[WHEEL_CYCLES];
    private final long[] occupied = new long[WHEEL_CYCLES / Long.SIZE];
    private int wheelEvents;

    private final FarEventHeap far = new FarEventHeap(256);
    private final CurrentBatch current = new CurrentBatch(256);
    private long currentTime;
    private long nextSequence;

    EventQueue(int initialCapacity) {
        int chunks = Math.max(16, initialCapacity / CHUNK_EVENTS);
        chunkEvents = new long[chunks * CHUNK_LONGS];
        chunkNext = new int[chunks];
        freeChunks = new int[chunks];
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
        int chunk = bucketTail[bucket];
        int fill = bucketTailFill[bucket];
        if (chunk == NONE) {
            chunk = allocateChunk();
            bucketHead[bucket] = chunk;
            bucketTail[bucket] = chunk;
            fill = 0;
            occupied[bucket >>> 6] |= 1L << bucket;
        } else if (fill == CHUNK_EVENTS) {
            int next = allocateChunk();
            chunkNext[chunk] = next;
            chunk = next;
            bucketTail[bucket] = chunk;
            fill = 0;
        }
        int base = chunk * CHUNK_LONGS + fill * EVENT_LONGS;
        chunkEvents[base] = eventRank;
        chunkEvents[base + 1] = eventSequence;
        chunkEvents[base + 2] = eventPayload;
        bucketTailFill[bucket] = fill + 1;
        wheelEvents++;
    }

    private void loadBucket(int bucket) {
        int chunk = bucketHead[bucket];
        int tail = bucketTail[bucket];
        while (true) {
            int count = chunk == tail ? bucketTailFill[bucket] : CHUNK_EVENTS;
            int base = chunk * CHUNK_LONGS;
            for (int i = 0; i < count; i++, base += EVENT_LONGS) {
                current.add(chunkEvents[base], chunkEvents[base + 1], chunkEvents[base + 2]);
            }
            wheelEvents -= count;
            freeChunks[freeChunkCount++] = chunk;
            if (chunk == tail) {
                break;
            }
            chunk = chunkNext[chunk];
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

    private int allocateChunk() {
        if (freeChunkCount > 0) {
            return freeChunks[--freeChunkCount];
        }
        int chunk = chunksCreated++;
        if (chunk == chunkNext.length) {
            int capacity = chunk * 2;
            chunkEvents = Arrays.copyOf(chunkEvents, capacity * CHUNK_LONGS);
            chunkNext = Arrays.copyOf(chunkNext, capacity);
            freeChunks = Arrays.copyOf(freeChunks, capacity);
        }
        return chunk;
    }
}
