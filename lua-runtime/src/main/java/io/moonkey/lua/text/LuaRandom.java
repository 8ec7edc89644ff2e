package io.moonkey.lua.text;

/**
 * The generators behind {@code math.random} / {@code math.randomseed}, and Lua 5.1's mapping of
 * a raw value to its results (lmathlib.c math_random):
 * {@code r = (raw % RAND_MAX) / RAND_MAX} with {@code RAND_MAX = 2^31-1}; {@code random()} is r,
 * {@code random(u)} is {@code floor(r*u)+1}, {@code random(l,u)} is {@code floor(r*(u-l+1))+l}
 * (C int arithmetic). Two sources of raw values: {@link Lrand48} (the server's deterministic
 * generator, spec lua-api.md §8.3) and {@link GlibcRand} (PUC's C {@code rand()}, for the CLI).
 */
public final class LuaRandom {
    public static final int RAND_MAX = 2147483647;

    private LuaRandom() {
    }

    /** A source of 31-bit values (0..2^31-1). */
    public interface Source {
        int next();

        /** {@code randomseed(seed)}, seed already converted as luaL_checkint does. */
        void seed(int seed);
    }

    /** {@code math.random()} from one raw value. */
    public static double unit(int raw) {
        return (double) (raw % RAND_MAX) / (double) RAND_MAX;
    }

    /** {@code math.random(u)} (the caller checks {@code 1 <= u}: "interval is empty", argument #1). */
    public static double upTo(double r, int u) {
        return Math.floor(r * u) + 1;
    }

    /** {@code math.random(l, u)} (the caller checks {@code l <= u}: "interval is empty", argument #2). */
    public static double between(double r, int l, int u) {
        return Math.floor(r * (u - l + 1)) + l;
    }

    /**
     * The classic 48-bit {@code lrand48} LCG used by Valkey/Redis scripting:
     * {@code X = (0x5DEECE66D * X + 0xB) mod 2^48}, output {@code X >> 17}; initial state
     * {@code 0x1234ABCD330E}; {@code seed(s)} sets {@code X = (s as uint32) << 16 | 0x330E}.
     */
    public static final class Lrand48 implements Source {
        private static final long MASK = (1L << 48) - 1;
        private long x = 0x1234_ABCD_330EL;

        @Override
        public int next() {
            x = (0x5_DEEC_E66DL * x + 0xB) & MASK;
            return (int) (x >>> 17);
        }

        @Override
        public void seed(int seed) {
            x = ((seed & 0xFFFF_FFFFL) << 16) | 0x330E;
        }
    }

    /**
     * glibc's {@code rand()} (the TYPE_3 additive feedback generator, degree 31, separation 3):
     * seeding fills 31 words by {@code 16807 * w mod (2^31-1)} (seed 0 counts as 1), then 310
     * outputs are discarded; output i is {@code (r[i] = r[i-31] + r[i-3]) >>> 1} (32-bit wrap-around).
     * Unseeded it behaves as seeded with 1, which is how PUC Lua's CLI starts.
     */
    public static final class GlibcRand implements Source {
        private final int[] state = new int[31];
        private int front;
        private int rear;

        public GlibcRand() {
            seed(1);
        }

        @Override
        public void seed(int seed) {
            int word = seed == 0 ? 1 : seed;
            state[0] = word;
            for (int i = 1; i < 31; i++) {
                int hi = word / 127773;
                int lo = word % 127773;
                word = 16807 * lo - 2836 * hi;
                if (word < 0) {
                    word += 2147483647;
                }
                state[i] = word;
            }
            front = 3;
            rear = 0;
            for (int i = 0; i < 310; i++) {
                next();
            }
        }

        @Override
        public int next() {
            state[front] += state[rear];
            int result = state[front] >>> 1;
            front = front == 30 ? 0 : front + 1;
            rear = rear == 30 ? 0 : rear + 1;
            return result;
        }
    }
}
