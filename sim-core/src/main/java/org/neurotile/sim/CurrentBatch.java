package org.neurotile.sim;

import java.util.Arrays;

/**
 * The events of the current cycle, ordered by rank (priority, then tag), then insertion sequence.
 *
 * <p>Events usually arrive already in order (a bucket is in insertion order, and often one target
 * fills it), so the batch starts as a queue read from the front. The first event that arrives out
 * of order turns the remaining events into a binary min-heap. Parallel primitive arrays; batches are
 * the events of one cycle, so they stay in the first-level cache.
 */
final class CurrentBatch {
    private long[] rank;
    private long[] sequence;
    private long[] payload;
    private int head; // first unread entry while in queue mode; 0 in heap mode
    private int end;
    private boolean heapMode;
    private long poppedPayload;

    CurrentBatch(int initialCapacity) {
        rank = new long[initialCapacity];
        sequence = new long[initialCapacity];
        payload = new long[initialCapacity];
    }

    boolean isEmpty() {
        return head == end;
    }

    int size() {
        return end - head;
    }

    void add(long eventRank, long eventSequence, long eventPayload) {
        if (isEmpty()) {
            head = 0;
            end = 0;
            heapMode = false;
        }
        if (end == rank.length) {
            grow();
        }
        if (heapMode) {
            siftUp(end++, eventRank, eventSequence, eventPayload);
            return;
        }
        int last = end - 1;
        if (last >= head && before(eventRank, eventSequence, rank[last], sequence[last])) {
            toHeap();
            siftUp(end++, eventRank, eventSequence, eventPayload);
            return;
        }
        set(end++, eventRank, eventSequence, eventPayload);
    }

    /** Removes the first event and returns its rank; its payload is then {@link #poppedPayload()}. */
    long pop() {
        if (!heapMode) {
            poppedPayload = payload[head];
            return rank[head++];
        }
        long topRank = rank[0];
        poppedPayload = payload[0];
        int last = --end;
        if (last > 0) {
            siftDown(rank[last], sequence[last], payload[last]);
        }
        return topRank;
    }

    long poppedPayload() {
        return poppedPayload;
    }

    private void toHeap() {
        toQueueStart();
        heapMode = true; // a sorted array is already a heap
    }

    private void grow() {
        if (head > 0) {
            toQueueStart();
            if (end < rank.length) {
                return;
            }
        }
        int capacity = rank.length * 2;
        rank = Arrays.copyOf(rank, capacity);
        sequence = Arrays.copyOf(sequence, capacity);
        payload = Arrays.copyOf(payload, capacity);
    }

    private void toQueueStart() {
        int count = end - head;
        System.arraycopy(rank, head, rank, 0, count);
        System.arraycopy(sequence, head, sequence, 0, count);
        System.arraycopy(payload, head, payload, 0, count);
        head = 0;
        end = count;
    }

    private void siftUp(int hole, long eventRank, long eventSequence, long eventPayload) {
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(eventRank, eventSequence, rank[parent], sequence[parent])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        set(hole, eventRank, eventSequence, eventPayload);
    }

    private void siftDown(long lastRank, long lastSequence, long lastPayload) {
        int hole = 0;
        while (true) {
            int child = (hole << 1) + 1;
            if (child >= end) {
                break;
            }
            int right = child + 1;
            if (right < end && before(rank[right], sequence[right], rank[child], sequence[child])) {
                child = right;
            }
            if (!before(rank[child], sequence[child], lastRank, lastSequence)) {
                break;
            }
            move(child, hole);
            hole = child;
        }
        set(hole, lastRank, lastSequence, lastPayload);
    }

    private void set(int index, long eventRank, long eventSequence, long eventPayload) {
        rank[index] = eventRank;
        sequence[index] = eventSequence;
        payload[index] = eventPayload;
    }

    private void move(int from, int to) {
        set(to, rank[from], sequence[from], payload[from]);
    }

    private static boolean before(long rankA, long sequenceA, long rankB, long sequenceB) {
        return rankA < rankB || (rankA == rankB && sequenceA < sequenceB);
    }
}
