package io.moonkey.lua.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Semaphore;

/**
 * A one-shot stack that can be suspended and resumed: what a coroutine runs on (design §1.10).
 * {@code jdk.internal.vm.Continuation} when the JVM exports it to us
 * ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}, as {@code bin/lua} does): a
 * switch costs about 0.1 µs and an abandoned coroutine is plain garbage. Otherwise a virtual
 * thread handing control back and forth with semaphores (slower, and a suspended coroutine
 * keeps its parked thread until {@link #abandon()}).
 */
abstract class Fiber {
    /** Runs the fiber until it yields or finishes. */
    abstract void resume();

    /** Suspends the running fiber (called on the fiber's own stack). */
    abstract void suspend();

    /** Releases the resources of a fiber that will never be resumed again. */
    void abandon() {}

    static Fiber create(Runnable body) {
        return ContinuationFiber.AVAILABLE ? new ContinuationFiber(body) : new ThreadFiber(body);
    }

    static boolean usesContinuations() {
        return ContinuationFiber.AVAILABLE;
    }

    /** {@code jdk.internal.vm.Continuation} through method handles (it is not exported by default). */
    private static final class ContinuationFiber extends Fiber {
        static final boolean AVAILABLE;
        private static final Object SCOPE;
        private static final MethodHandle NEW;
        private static final MethodHandle RUN;
        private static final MethodHandle YIELD;

        static {
            boolean ok = false;
            Object scope = null;
            MethodHandle n = null;
            MethodHandle r = null;
            MethodHandle y = null;
            if (!"threads".equals(System.getProperty("moonkey.lua.coroutines"))) {
                try {
                    Class<?> cont = Class.forName("jdk.internal.vm.Continuation");
                    Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                    MethodHandles.Lookup l = MethodHandles.lookup();
                    scope = l.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                            .invoke("lua");
                    n = l.findConstructor(cont, MethodType.methodType(void.class, scopeClass, Runnable.class))
                            .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                    r = l.findVirtual(cont, "run", MethodType.methodType(void.class))
                            .asType(MethodType.methodType(void.class, Object.class));
                    y = l.findStatic(cont, "yield", MethodType.methodType(boolean.class, scopeClass))
                            .asType(MethodType.methodType(boolean.class, Object.class));
                    ok = true;
                } catch (Throwable t) {
                    ok = false;
                }
            }
            AVAILABLE = ok;
            SCOPE = scope;
            NEW = n;
            RUN = r;
            YIELD = y;
        }

        private final Object continuation;

        ContinuationFiber(Runnable body) {
            try {
                continuation = (Object) NEW.invokeExact(SCOPE, body);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        void resume() {
            try {
                RUN.invokeExact(continuation);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        void suspend() {
            try {
                boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A virtual thread per coroutine, strictly alternating with its resumer. */
    private static final class ThreadFiber extends Fiber {
        private final Runnable body;
        private final Semaphore toFiber = new Semaphore(0);
        private final Semaphore toResumer = new Semaphore(0);
        private Thread thread;
        private volatile boolean abandoned;

        ThreadFiber(Runnable body) {
            this.body = body;
        }

        @Override
        void resume() {
            if (thread == null) {
                thread = Thread.ofVirtual().name("lua-coroutine").unstarted(() -> {
                    toFiber.acquireUninterruptibly();
                    try {
                        if (!abandoned) {
                            body.run();
                        }
                    } catch (Abandoned e) {
                        return;
                    } finally {
                        toResumer.release();
                    }
                });
                thread.start();
            }
            toFiber.release();
            toResumer.acquireUninterruptibly();
        }

        @Override
        void suspend() {
            toResumer.release();
            toFiber.acquireUninterruptibly();
            if (abandoned) {
                throw new Abandoned();
            }
        }

        @Override
        void abandon() {
            if (thread != null && thread.isAlive()) {
                abandoned = true;
                toFiber.release();
            }
        }
    }

    /** Unwinds an abandoned thread-backed coroutine. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
