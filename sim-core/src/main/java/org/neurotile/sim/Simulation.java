package org.neurotile.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One discrete-event simulation: a clock in cycles, the pending events and the targets they go to.
 *
 * <p>Nothing is global: a simulation is an object that components are wired to, and several run
 * side by side in one JVM. Events are delivered in a total order (time, priority, tag, insertion
 * sequence), so the same wiring and the same seed give the same run, bit for bit.
 */
public final class Simulation {
    /** Priorities must fit a {@code short}, so they pack into the event rank. */
    public static final int MIN_PRIORITY = Short.MIN_VALUE;
    public static final int MAX_PRIORITY = Short.MAX_VALUE;
    public static final int DEFAULT_PRIORITY = 0;

    private final EventQueue queue = new EventQueue(1024);
    private final List<EventTarget> targets = new ArrayList<>();
    private EventTarget[] targetById = new EventTarget[64];
    private EventHandler[] handlers = new EventHandler[64];
    private long[] ranks = new long[64];
    private long eventsDispatched;
    private boolean running;

    /** Registers a handler; the returned target's tag is fixed now, at wiring time. */
    public EventTarget register(String name, int priority, EventHandler handler) {
        return add(new EventTarget(targets.size(), name, priority), handler);
    }

    /** Registers a handler whose name is spelled only when asked for (a link of a large network). */
    EventTarget register(Supplier<String> name, int priority, EventHandler handler) {
        return add(new EventTarget(targets.size(), name, priority), handler);
    }

    private EventTarget add(EventTarget target, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (target.priority() < MIN_PRIORITY || target.priority() > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority " + target.priority() + " of " + target.name()
                    + " is outside " + MIN_PRIORITY + ".." + MAX_PRIORITY);
        }
        int id = target.id();
        targets.add(target);
        if (id == handlers.length) {
            targetById = java.util.Arrays.copyOf(targetById, id * 2);
            handlers = java.util.Arrays.copyOf(handlers, id * 2);
            ranks = java.util.Arrays.copyOf(ranks, id * 2);
        }
        targetById[id] = target;
        handlers[id] = handler;
        ranks[id] = EventQueue.rank(target.priority(), id);
        return target;
    }

    public EventTarget register(String name, EventHandler handler) {
        return register(name, DEFAULT_PRIORITY, handler);
    }

    /** Schedules an event {@code delayCycles} from now (0 is this cycle, after the current event). */
    public void schedule(EventTarget target, long delayCycles, long payload) {
        if (delayCycles < 0) {
            throw new IllegalArgumentException(
                    "negative delay " + delayCycles + " for " + target.name() + " at cycle " + nowCycles());
        }
        scheduleAt(target, nowCycles() + delayCycles, payload);
    }

    /** Schedules an event at an absolute time, which must not be in the past. */
    public void scheduleAt(EventTarget target, long timeCycles, long payload) {
        if (timeCycles < queue.currentTime()) {
            throw new IllegalArgumentException("cannot schedule " + target.name() + " at cycle " + timeCycles
                    + ": the simulation is at cycle " + queue.currentTime());
        }
        int id = target.id();
        if (id >= targets.size() || targetById[id] != target) {
            throw new IllegalArgumentException(target.name() + " was not registered with this simulation");
        }
        queue.add(timeCycles, ranks[id], payload);
    }

    /** Runs until no event is pending; returns the time of the last event. */
    public long run() {
        return run(Long.MAX_VALUE, null);
    }

    /** Runs every event up to and including {@code endCycles}; the clock then reads {@code endCycles}. */
    public long runUntil(long endCycles) {
        if (endCycles < nowCycles()) {
            throw new IllegalArgumentException("cannot run until cycle " + endCycles + ": already at " + nowCycles());
        }
        run(endCycles, null);
        queue.moveTo(endCycles);
        return endCycles;
    }

    /** Runs until the condition holds after an event, or no event is pending. */
    public long runUntil(StopCondition condition) {
        return run(Long.MAX_VALUE, Objects.requireNonNull(condition, "condition"));
    }

    /** Dispatches at most {@code maxEvents} events; returns the time of the last one. */
    public long runEvents(long maxEvents) {
        return run(Long.MAX_VALUE, null, maxEvents);
    }

    private long run(long endCycles, StopCondition condition) {
        return run(endCycles, condition, Long.MAX_VALUE);
    }

    private long run(long endCycles, StopCondition condition, long maxEvents) {
        if (running) {
            throw new IllegalStateException("run() called from inside an event handler");
        }
        running = true;
        long remaining = maxEvents;
        try {
            while (remaining > 0 && queue.advance(endCycles)) {
                remaining--;
                int target = EventQueue.tagOfRank(queue.pop());
                eventsDispatched++;
                handlers[target].handle(queue.poppedPayload());
                if (condition != null && condition.shouldStop(this)) {
                    break;
                }
            }
        } finally {
            running = false;
        }
        return nowCycles();
    }

    public long nowCycles() {
        return queue.currentTime();
    }

    public long eventsDispatched() {
        return eventsDispatched;
    }

    public int pendingEvents() {
        return queue.size();
    }

    public List<EventTarget> targets() {
        return Collections.unmodifiableList(targets);
    }
}
