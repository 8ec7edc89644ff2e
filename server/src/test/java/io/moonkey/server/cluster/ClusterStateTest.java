package io.moonkey.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cluster state rules of a lone master, and the nodes.conf round trip. */
class ClusterStateTest {
    private static void assignAll(ClusterState st) {
        for (int s = 0; s < HashSlot.COUNT; s++) st.assign(s);
    }

    @Test
    void staysDownDuringTheWritableDelayAfterStartup() {
        ClusterState st = new ClusterState(0);
        assignAll(st);
        st.update(1000, true, 15000);
        assertFalse(st.ok());
        assertEquals(1, st.size()); // not computed yet, as Valkey's initial value
        st.update(ClusterState.WRITABLE_DELAY_MS, true, 15000);
        assertTrue(st.ok());
    }

    @Test
    void fullCoverageRequiredUnlessConfiguredOtherwise() {
        ClusterState st = new ClusterState(0);
        assignAll(st);
        st.update(10_000, true, 15000);
        assertTrue(st.ok());
        st.unassign(100);
        st.update(10_001, true, 15000);
        assertFalse(st.ok());
        st.update(10_002, false, 15000);
        assertTrue(st.ok());
        assertEquals(HashSlot.COUNT - 1, st.servedCount());
    }

    @Test
    void aNodeWithoutSlotsIsAMinorityAndWaitsTheRejoinDelay() {
        ClusterState st = new ClusterState(0);
        st.update(10_000, false, 15000);
        assertFalse(st.ok());
        assertEquals(0, st.size());
        assignAll(st);
        st.update(12_000, true, 15000);
        assertFalse(st.ok()); // 5 s (node timeout 15 s clamped) since it was a minority
        st.update(10_000 + ClusterState.MAX_REJOIN_DELAY_MS, true, 15000);
        assertTrue(st.ok());
        assertEquals(1, st.size());
        // a short node timeout still waits the minimum delay
        st.unassignAll();
        st.update(20_000, true, 100);
        assignAll(st);
        st.update(20_000 + ClusterState.MIN_REJOIN_DELAY_MS - 1, true, 100);
        assertFalse(st.ok());
        st.update(20_000 + ClusterState.MIN_REJOIN_DELAY_MS, true, 100);
        assertTrue(st.ok());
    }

    @Test
    void epochs() {
        ClusterState st = new ClusterState(0);
        assertTrue(st.bumpEpoch());
        assertEquals(1, st.configEpoch());
        assertFalse(st.bumpEpoch()); // alone, its epoch already is the greatest
        st.renew();
        assertEquals(0, st.currentEpoch());
        st.setConfigEpoch(9);
        assertEquals(9, st.currentEpoch());
    }

    @Test
    void nodesFileRoundTrip() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-nodes");
        NodesConfigFile file = new NodesConfigFile(dir.resolve("nodes.conf"));
        ClusterState st = new ClusterState(0);
        assertFalse(file.load(st)); // no file: a new node
        st.setConfigEpoch(7);
        for (int s = 0; s <= 100; s++) st.assign(s);
        st.assign(200);
        String line = st.myId() + " :7000@17000,,tls-port=0,shard-id=" + st.shardId()
                + " myself,master - 0 0 7 connected 0-100 200\n";
        file.save(st, line);
        assertEquals(line + "vars currentEpoch 7 lastVoteEpoch 0\n", Files.readString(dir.resolve("nodes.conf")));
        ClusterState loaded = new ClusterState(0);
        assertTrue(file.load(loaded));
        assertEquals(st.myId(), loaded.myId());
        assertEquals(st.shardId(), loaded.shardId());
        assertEquals(7, loaded.configEpoch());
        assertEquals(7, loaded.currentEpoch());
        assertEquals(102, loaded.servedCount());
        assertTrue(loaded.serves(200));
        assertFalse(loaded.serves(101));
    }

    @Test
    void redis7FormatAndOtherNodesAreRead() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-nodes");
        String id = "f43bb30296df69a1db1539f12c4e000296daebea";
        Files.writeString(dir.resolve("nodes.conf"), id + " :27001@37001 myself,master - 0 0 5 connected 0 4-16383\n"
                + "0123456789012345678901234567890123456789 10.0.0.1:7001@17001 master - 0 0 3 connected\n"
                + "vars currentEpoch 5 lastVoteEpoch 2\n");
        ClusterState st = new ClusterState(0);
        assertTrue(new NodesConfigFile(dir.resolve("nodes.conf")).load(st));
        assertEquals(id, st.myId());
        assertEquals(40, st.shardId().length());
        assertNotEquals(st.myId(), st.shardId());
        assertEquals(2, st.lastVoteEpoch());
        assertEquals(HashSlot.COUNT - 3, st.servedCount());
    }

    @Test
    void corruptedFileIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-nodes");
        Files.writeString(dir.resolve("nodes.conf"), "this is not a nodes file\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new NodesConfigFile(dir.resolve("nodes.conf")).load(new ClusterState(0)));
        assertTrue(e.getMessage().startsWith("Unrecoverable error: corrupted cluster config file"), e.getMessage());
    }
}
