package io.moonkey.server.cluster;

import io.moonkey.server.command.CommandFlag;
import io.moonkey.server.command.CommandSpec;

/**
 * The cluster check on each command a script runs (scripting.md §4.6 step 8 and §11, Valkey's
 * scriptVerifyClusterState): the command's own keys are routed as a client's would be, and,
 * unless the run may cross slots (compatibility-mode EVAL or {@code allow-cross-slot-keys}),
 * every keyed command must stay on the slot of the first one, or of the declared keys.
 * One guard per script client; {@link #begin} starts each run.
 */
public final class ScriptSlotGuard {
    private final Cluster cluster;
    private int runSlot;
    private boolean allowCrossSlot;

    public ScriptSlotGuard(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts a run: {@code declaredSlot} is the slot the caller's declared keys hashed to at
     * dispatch (-1 for none).
     */
    public void begin(int declaredSlot, boolean allowCrossSlot) {
        runSlot = declaredSlot;
        this.allowCrossSlot = allowCrossSlot;
    }

    /** The error for the script (with its "ERR " prefix) if {@code cmd} may not run, else null. */
    public String check(CommandSpec cmd, byte[][] argv) {
        if (!cluster.enabled()) return null;
        SlotRouting routing = cluster.routing();
        SlotRouting.Verdict v = routing.route(cmd, argv, cmd.has(CommandFlag.WRITE));
        switch (v) {
            case SERVE -> {}
            case DOWN_RO_STATE -> {
                return "ERR Script attempted to execute a write command while the cluster is down and readonly";
            }
            case DOWN_STATE -> {
                return "ERR Script attempted to execute a command while the cluster is down";
            }
            case CROSS_SLOT -> {
                return "ERR Command '" + cmd.fullName() + "' in script attempted to access keys that don't hash to the same slot";
            }
            case DOWN_UNBOUND -> {
                return "ERR Script attempted to access a slot not served";
            }
        }
        int slot = routing.slot();
        if (slot != -1 && !allowCrossSlot) {
            if (runSlot == -1) {
                runSlot = slot;
            } else if (runSlot != slot) {
                return "ERR Script attempted to access keys that do not hash to the same slot";
            }
        }
        return null;
    }
}
