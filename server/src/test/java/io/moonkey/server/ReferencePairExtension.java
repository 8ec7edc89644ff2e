package io.moonkey.server;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ReferencePair} per test class: started before the class, closed after it. In a JUnit
 * class, register it with {@code @RegisterExtension static final ReferencePairExtension pair = ...};
 * each test is then reported skipped with {@link ReferenceServer#SKIP_MESSAGE} when redis-server
 * is missing. A jqwik class declares the same static field (without the annotation) and
 * {@code @AddLifecycleHook(ReferencePairHook.class)}.
 */
final class ReferencePairExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    /** Starts the pair, or gives null without redis-server; for options only known at start (temporary directories, ports). */
    interface Starter {
        ReferencePair start() throws Exception;
    }

    private final Starter starter;
    private ReferencePair pair;

    /** Ours started with {@code ourArgs}, the reference with its defaults. */
    ReferencePairExtension(String... ourArgs) {
        this(List.of(), ourArgs);
    }

    ReferencePairExtension(List<String> referenceArgs, String... ourArgs) {
        this(() -> ReferencePair.start(referenceArgs, ourArgs));
    }

    ReferencePairExtension(Starter starter) {
        this.starter = starter;
    }

    void start() throws Exception {
        pair = starter.start();
    }

    void stop() throws Exception {
        try {
            if (pair != null) pair.close();
        } finally {
            pair = null;
        }
    }

    /** Whether both servers run (false when redis-server is not installed). */
    boolean started() {
        return pair != null;
    }

    /** The running pair; only null where the test is skipped anyway. */
    ReferencePair get() {
        return pair;
    }

    RespConnection refConn() throws Exception {
        return pair.refConn();
    }

    RespConnection ourConn() throws Exception {
        return pair.ourConn();
    }

    RespConnection connectReference() throws Exception {
        return pair.connectReference();
    }

    RespConnection connectOurs() throws Exception {
        return pair.connectOurs();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // per test, not in beforeAll: an assumption failing there reports no test as skipped
        Assumptions.assumeTrue(started(), ReferenceServer.SKIP_MESSAGE);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }
}
