package org.neurotile.sim;

/** The messages an in-order link carries, oldest first: a ring of (arrival cycle, message) pairs. */
final class ArrivalQueue {
    private long[] times = new long[4];
    private long[] messages = new long[4];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long firstTime() {
        return times[head];
    }

    long firstMessage() {
        return messages[head];
    }

    long lastTime() {
        return times[(head + size - 1) & (times.length - 1)];
    }

    void add(long time, long message) {
        if (size == times.length) {
            grow();
        }
        int tail = (head + size) & (times.length - 1);
        times[tail] = time;
        messages[tail] = message;
        size++;
    }

    void removeFirst() {
        head = (head + 1) & (times.length - 1);
        size--;
    }

    private void grow() {
        long[] oldTimes = times;
        long[] oldMessages = messages;
        int capacity = oldTimes.length * 2;
        times = new long[capacity];
        messages = new long[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (oldTimes.length - 1);
            times[i] = oldTimes[from];
            messages[i] = oldMessages[from];
        }
        head = 0;
    }
}
