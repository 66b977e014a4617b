package org.neurotile.noc;

/**
 * Virtual-channel and switch allocation of one router in one cycle, with separable allocators
 * ({@link AllocatorKind}). Requesters of the VC allocator are the branches of input virtual channels
 * still without an output virtual channel; resources are the free output virtual channels of the
 * requested port (for a multicast branch only those with room for the whole packet). The switch
 * allocator works on ports: each input port first picks, per output port, one of its virtual channels
 * round-robin (as BookSim does), then inputs and outputs are matched.
 */
final class VcRouterStages {
    private final VcFabric f;
    private final int vcs;
    private final boolean islipVcs;
    private final boolean islipSwitch;
    // VC allocation pointers: grant per output virtual channel, accept per input virtual channel.
    private final int[] vcGrantPointer;
    private final int[] vcAcceptPointer;
    // Switch allocation pointers: per input channel over its VCs, per output port over inputs, per input over outputs.
    private final int[] vcPriority;
    private final int[] switchGrantPointer;
    private final int[] switchAcceptPointer;
    // Scratch, sized for the widest router.
    private final int[] requestIvc;
    private final int[] requestBranch;
    private final int[] requestLocal;
    private final int[] requestId;
    private final int[] chosenVc;
    private final int[] chosenDistance;
    private final int[] pair;
    private final int[] outputGrant;
    private final int[] inputPick;
    private final int[] requestsPerOutput;

    VcRouterStages(VcFabric fabric) {
        this.f = fabric;
        this.vcs = fabric.vcs;
        this.islipVcs = fabric.vc.vcAllocator() == AllocatorKind.ISLIP;
        this.islipSwitch = fabric.vc.switchAllocator() == AllocatorKind.ISLIP;
        vcGrantPointer = new int[(fabric.channels + fabric.tiles) * vcs];
        vcAcceptPointer = new int[fabric.channels * vcs];
        vcPriority = new int[fabric.channels];
        switchGrantPointer = new int[fabric.channels + fabric.tiles];
        switchAcceptPointer = new int[fabric.channels];
        int widestIn = 1;
        int widestOut = 1;
        for (int r = 0; r + 1 < fabric.inStart.length; r++) {
            widestIn = Math.max(widestIn, fabric.inStart[r + 1] - fabric.inStart[r]);
            widestOut = Math.max(widestOut, fabric.outStart[r + 1] - fabric.outStart[r]);
        }
        int requests = widestIn * vcs * fabric.maxBranches;
        requestIvc = new int[requests];
        requestBranch = new int[requests];
        requestLocal = new int[requests];
        requestId = new int[requests];
        chosenVc = new int[requests];
        chosenDistance = new int[requests];
        pair = new int[widestIn * widestOut];
        outputGrant = new int[widestOut];
        inputPick = new int[widestIn];
        requestsPerOutput = new int[widestOut];
    }

    void allocateVirtualChannels(int router, long now) {
        int inFirst = f.inStart[router];
        int inputs = f.inStart[router + 1] - inFirst;
        int n = 0;
        int outFirst = f.outStart[router];
        int outputs = f.outStart[router + 1] - outFirst;
        java.util.Arrays.fill(requestsPerOutput, 0, outputs, 0);
        for (int i = 0; i < inputs; i++) {
            int c = f.inChannels[inFirst + i];
            for (long mask = f.liveMask[c]; mask != 0; mask &= mask - 1) {
                int v = Long.numberOfTrailingZeros(mask);
                int ivc = c * vcs + v;
                for (int b = 0, at = ivc; b < f.branches[ivc]; b++, at += f.ivcCount) {
                    if (f.branchVc[at] < 0 && f.branchReady[at] <= now) {
                        requestIvc[n] = ivc;
                        requestBranch[n] = b;
                        requestLocal[n] = f.branchLocal[at];
                        requestsPerOutput[f.branchLocal[at]]++;
                        requestId[n] = i * vcs + v;
                        chosenVc[n] = -1;
                        chosenDistance[n] = Integer.MAX_VALUE;
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            return;
        }
        int requesters = inputs * vcs;
        if (islipVcs) {
            // Grant: every free output VC grants the eligible requester nearest its pointer.
            for (int o = 0; o < outputs; o++) {
                if (requestsPerOutput[o] == 0) {
                    continue;
                }
                int port = f.outPorts[outFirst + o];
                if (requestsPerOutput[o] == 1 && lonelyRequest(n, o, port, now, requesters)) {
                    continue;
                }
                for (int v = 0; v < vcs; v++) {
                    int ovc = port * vcs + v;
                    if (f.owned[ovc]) {
                        continue;
                    }
                    int best = -1;
                    int bestDistance = Integer.MAX_VALUE;
                    for (int q = 0; q < n; q++) {
                        if (requestLocal[q] == o && fits(q, port, ovc)) {
                            int distance = Math.floorMod(requestId[q] - vcGrantPointer[ovc], requesters);
                            if (distance < bestDistance) {
                                bestDistance = distance;
                                best = q;
                            }
                        }
                    }
                    if (best >= 0) {
                        int distance = Math.floorMod(v - vcAcceptPointer[requestIvc[best]], vcs);
                        if (distance < chosenDistance[best]) {
                            chosenDistance[best] = distance;
                            chosenVc[best] = v;
                        }
                    }
                }
            }
            // Accept: each requester takes the grant nearest its own pointer.
            for (int q = 0; q < n; q++) {
                if (chosenVc[q] >= 0) {
                    grantVirtualChannel(q, chosenVc[q], requesters, now);
                }
            }
            return;
        }
        // Round-robin, input first: each requester picks a free output VC, each output VC one picker.
        for (int q = 0; q < n; q++) {
            int port = f.outPorts[outFirst + requestLocal[q]];
            for (int k = 0; k < vcs; k++) {
                int v = (vcAcceptPointer[requestIvc[q]] + k) % vcs;
                int ovc = port * vcs + v;
                if (!f.owned[ovc] && fits(q, port, ovc)) {
                    chosenVc[q] = v;
                    break;
                }
            }
        }
        for (int q = 0; q < n; q++) {
            if (chosenVc[q] < 0) {
                continue;
            }
            int port = f.outPorts[outFirst + requestLocal[q]];
            int ovc = port * vcs + chosenVc[q];
            int best = q;
            for (int other = q + 1; other < n; other++) {
                if (chosenVc[other] == chosenVc[q] && requestLocal[other] == requestLocal[q]) {
                    if (Math.floorMod(requestId[other] - vcGrantPointer[ovc], requesters)
                            < Math.floorMod(requestId[best] - vcGrantPointer[ovc], requesters)) {
                        best = other;
                    }
                }
            }
            int v = chosenVc[q];
            for (int other = q; other < n; other++) {
                if (chosenVc[other] == v && requestLocal[other] == requestLocal[q] && other != best) {
                    chosenVc[other] = -1;
                }
            }
            grantVirtualChannel(best, v, requesters, now);
            chosenVc[best] = -1;
        }
    }

    /**
     * One requester for a port: every free output VC grants it, and it accepts the first free one from
     * its accept pointer; the same outcome as the general loop, found in one pass. False for a
     * multicast branch, whose eligibility differs per VC.
     */
    private boolean lonelyRequest(int n, int o, int port, long now, int requesters) {
        int q = 0;
        while (requestLocal[q] != o) {
            q++;
        }
        int slot = f.packetSlot[requestIvc[q]];
        if (f.packets.destination[slot] == PacketTable.NO_DESTINATION) {
            return false;
        }
        int start = vcAcceptPointer[requestIvc[q]];
        for (int k = 0; k < vcs; k++) {
            int v = (start + k) % vcs;
            if (!f.owned[port * vcs + v]) {
                chosenVc[q] = v;
                chosenDistance[q] = k;
                return true;
            }
        }
        return true;
    }

    /** A multicast branch needs room for its whole packet (virtual cut-through); ejection always has room. */
    private boolean fits(int q, int port, int ovc) {
        if (port >= f.links) {
            return true;
        }
        int slot = f.packetSlot[requestIvc[q]];
        return f.packets.destination[slot] != PacketTable.NO_DESTINATION || f.credits[ovc] >= f.packets.flits[slot];
    }

    private void grantVirtualChannel(int q, int v, int requesters, long now) {
        int ivc = requestIvc[q];
        int at = requestBranch[q] * f.ivcCount + ivc;
        int ovc = f.branchPort[at] * vcs + v;
        f.owned[ovc] = true;
        f.routerPendingVa[f.channelRouter[ivc / vcs]]--;
        f.branchVc[at] = v;
        f.branchReady[at] = now + f.vc.vcAllocDelayCycles();
        vcGrantPointer[ovc] = (requestId[q] + 1) % requesters;
        vcAcceptPointer[ivc] = (v + 1) % vcs;
    }

    void allocateSwitch(int router, long now) {
        int inFirst = f.inStart[router];
        int inputs = f.inStart[router + 1] - inFirst;
        int outFirst = f.outStart[router];
        int outputs = f.outStart[router + 1] - outFirst;
        java.util.Arrays.fill(pair, 0, inputs * outputs, -1);
        boolean any = false;
        for (int i = 0; i < inputs; i++) {
            int c = f.inChannels[inFirst + i];
            int priority = vcPriority[c];
            for (long mask = f.liveMask[c]; mask != 0; mask &= mask - 1) {
                int v = Long.numberOfTrailingZeros(mask);
                int ivc = c * vcs + v;
                int flits = f.packetFlits[ivc];
                for (int b = 0, at = ivc; b < f.branches[ivc]; b++, at += f.ivcCount) {
                    int sent = f.branchSent[at];
                    if (f.branchVc[at] < 0 || sent >= flits || f.branchReady[at] > now
                            || sent - f.popped[ivc] >= f.bufferCount[ivc]) {
                        continue;
                    }
                    int port = f.branchPort[at];
                    if (port < f.links && f.credits[port * vcs + f.branchVc[at]] == 0) {
                        continue;
                    }
                    int key = i * outputs + f.branchLocal[at];
                    int held = pair[key];
                    if (held < 0 || Math.floorMod(v - priority, vcs)
                            < Math.floorMod(held % f.ivcCount - c * vcs - priority, vcs)) {
                        pair[key] = at;
                    }
                    any = true;
                }
            }
        }
        if (!any) {
            return;
        }
        if (islipSwitch) {
            for (int o = 0; o < outputs; o++) {
                int port = f.outPorts[outFirst + o];
                outputGrant[o] = -1;
                int bestDistance = Integer.MAX_VALUE;
                for (int i = 0; i < inputs; i++) {
                    if (pair[i * outputs + o] >= 0) {
                        int distance = Math.floorMod(i - switchGrantPointer[port], inputs);
                        if (distance < bestDistance) {
                            bestDistance = distance;
                            outputGrant[o] = i;
                        }
                    }
                }
            }
            for (int i = 0; i < inputs; i++) {
                int c = f.inChannels[inFirst + i];
                int chosen = -1;
                int bestDistance = Integer.MAX_VALUE;
                for (int o = 0; o < outputs; o++) {
                    if (outputGrant[o] == i) {
                        int distance = Math.floorMod(o - switchAcceptPointer[c], outputs);
                        if (distance < bestDistance) {
                            bestDistance = distance;
                            chosen = o;
                        }
                    }
                }
                if (chosen >= 0) {
                    int port = f.outPorts[outFirst + chosen];
                    switchGrantPointer[port] = (i + 1) % inputs;
                    switchAcceptPointer[c] = (chosen + 1) % outputs;
                    traverse(c, pair[i * outputs + chosen], now);
                }
            }
            return;
        }
        // Round-robin, input first: each input port picks one of its requests by VC priority.
        for (int i = 0; i < inputs; i++) {
            int c = f.inChannels[inFirst + i];
            inputPick[i] = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int o = 0; o < outputs; o++) {
                int at = pair[i * outputs + o];
                if (at >= 0) {
                    int distance = Math.floorMod(at % f.ivcCount - c * vcs - vcPriority[c], vcs);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        inputPick[i] = o;
                    }
                }
            }
        }
        for (int o = 0; o < outputs; o++) {
            int port = f.outPorts[outFirst + o];
            int winner = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < inputs; i++) {
                if (inputPick[i] == o) {
                    int distance = Math.floorMod(i - switchGrantPointer[port], inputs);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        winner = i;
                    }
                }
            }
            if (winner >= 0) {
                switchGrantPointer[port] = (winner + 1) % inputs;
                traverse(f.inChannels[inFirst + winner], pair[winner * outputs + o], now);
            }
        }
    }

    private void traverse(int channel, int at, long now) {
        int ivc = at % f.ivcCount;
        vcPriority[channel] = (ivc - channel * vcs + 1) % vcs;
        f.send(ivc, at / f.ivcCount, now);
    }
}
