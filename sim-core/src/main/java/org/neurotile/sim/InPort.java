package org.neurotile.sim;

import java.util.Objects;

/** A named input of a component; messages arriving on its link go to the receiver. */
public final class InPort {
    private final String owner;
    private final String name;
    private final EventHandler receiver;
    private Link link;

    /** The port {@code name} of the component at {@code owner}; its path is spelled when asked for. */
    InPort(String owner, String name, EventHandler receiver) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    public String path() {
        return owner + "." + name;
    }

    EventHandler receiver() {
        return receiver;
    }

    public boolean isConnected() {
        return link != null;
    }

    void attach(Link newLink) {
        if (link != null) {
            throw new IllegalStateException(path() + " is already connected to " + link.from().path());
        }
        link = newLink;
    }

    @Override
    public String toString() {
        return path();
    }
}
