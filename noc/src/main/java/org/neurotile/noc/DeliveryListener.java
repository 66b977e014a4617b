package org.neurotile.noc;

/** Told when the last flit of a packet reaches a destination tile. */
@FunctionalInterface
public interface DeliveryListener {
    /**
     * @param tag what the sender passed to {@link Network#send}
     * @param sourceTile the tile that sent the packet
     * @param destinationTile the tile that received this copy
     * @param sentCycles the cycle the packet was sent
     * @param payloadBytes the packet's payload
     */
    void delivered(long tag, int sourceTile, int destinationTile, long sentCycles, int payloadBytes);

    DeliveryListener NONE = (tag, source, destination, sent, bytes) -> { };
}
