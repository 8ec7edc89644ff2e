package io.moonkey.server.replication;

import io.moonkey.server.Session;

/** One attached replica: its connection, the port it announced, and what it acknowledged. */
final class Replica {
    final Session session;
    final int listeningPort;
    long ackOffset;
    long lastAckMs;

    Replica(Session session, int listeningPort, long nowMs) {
        this.session = session;
        this.listeningPort = listeningPort;
        this.lastAckMs = nowMs;
    }
}
