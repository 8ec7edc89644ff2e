package io.moonkey.lua.runtime;

/**
 * A Lua coroutine (manual §2.11): a function running on its own {@link Fiber} with its own
 * {@link CallContext}. Values cross in both directions through {@link #transfer}.
 */
public final class Coroutine {
    public enum Status { SUSPENDED, RUNNING, NORMAL, DEAD }

    private final LuaFunction body;
    private final CallContext cx;
    private final Fiber fiber;
    private Status status = Status.SUSPENDED;
    /** Arguments in (resume → body/yield), results out (yield/return → resume). */
    private Object[] transfer = LuaFunction.NO_ARGS;
    private boolean failed;
    private Object error;

    public Coroutine(LuaState state, LuaFunction body) {
        this.body = body;
        this.cx = new CallContext(state, this);
        this.cx.protectedDepth = 1; // errors end the coroutine and go to its resumer as values
        this.fiber = Fiber.create(this::run);
    }

    private void run() {
        // A thread-backed fiber runs on its own thread: make this context current there too
        // (stack walks pair the interpreter's frames with the current context's chain).
        CallContext outer = CallContext.enterThread(cx);
        try {
            Object first = body.invoke(cx, transfer);
            transfer = cx.results(first);
        } catch (LuaError e) {
            failed = true;
            error = e.value();
        } catch (StackOverflowError e) {
            failed = true;
            error = LuaString.latin1("stack overflow");
        } finally {
            CallContext.restoreThread(outer);
        }
        status = Status.DEAD;
    }

    public Status status() {
        return status;
    }

    /** Thrown into the resumer as the value of a failed resume: (false, error). */
    public static final class ResumeFailure {
        public final Object error;

        ResumeFailure(Object error) {
            this.error = error;
        }
    }

    /**
     * {@code coroutine.resume}: runs until the body yields or ends. Returns the yielded or
     * returned values, or a {@link ResumeFailure} when the body raised an error or the
     * coroutine cannot be resumed.
     */
    public Object resume(CallContext from, Object[] args) {
        if (status == Status.DEAD) {
            return new ResumeFailure(LuaString.latin1("cannot resume dead coroutine"));
        }
        if (status != Status.SUSPENDED) {
            return new ResumeFailure(LuaString.latin1("cannot resume non-suspended coroutine"));
        }
        Coroutine outer = from.coroutine;
        if (outer != null) {
            outer.status = Status.NORMAL;
        }
        status = Status.RUNNING;
        transfer = args;
        from.enterC();
        // a switch sets the state's running context (a plain field, no thread-local write) and
        // links the resumer, so stack walks continue into the context that resumed this one
        LuaState state = cx.state;
        CallContext outerRunning = state.running;
        state.running = cx;
        cx.resumer = from;
        try {
            fiber.resume();
        } finally {
            cx.resumer = null;
            state.running = outerRunning;
            from.leaveC();
            if (outer != null) {
                outer.status = Status.RUNNING;
            }
        }
        if (status == Status.RUNNING) {
            status = Status.SUSPENDED;
        }
        if (failed) {
            failed = false;
            Object e = error;
            error = null;
            return new ResumeFailure(e);
        }
        Object[] out = transfer;
        transfer = LuaFunction.NO_ARGS;
        return out;
    }

    /** {@code coroutine.yield} from inside this coroutine: returns the next resume's arguments. */
    public Object[] yield(CallContext inside, Object[] values) {
        if (inside.cdepth > 0) {
            throw LuaError.runtime("attempt to yield across metamethod/C-call boundary");
        }
        transfer = values;
        fiber.suspend();
        Object[] in = transfer;
        transfer = LuaFunction.NO_ARGS;
        return in;
    }

    /** Frees a suspended coroutine's fiber (thread-backed fibers hold a parked thread). */
    public void abandon() {
        fiber.abandon();
    }

    @Override
    public String toString() {
        return "thread: 0x" + String.format("%08x", System.identityHashCode(this));
    }
}
