package org.neurotile.sim;

import java.util.Objects;

/** A named input of a component; messages arriving on its link go to the receiver. */
public final class InPort {
    private final String path;
    private final EventHandler receiver;
    private Link link;

    InPort(String path, EventHandler receiver) {
        this.path = Objects.requireNonNull(path, "path");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    public String path() {
        return path;
    }

    EventHandler receiver() {
        return receiver;
    }

    public boolean isConnected() {
        return link != null;
    }

    void attach(Link newLink) {
        if (link != null) {
            throw new IllegalStateException(path + " is already connected to " + link.from().path());
        }
        link = newLink;
    }

    @Override
    public String toString() {
        return path;
    }
}
