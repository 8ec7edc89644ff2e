package io.moonkey.server.command;

/**
 * The geohash arithmetic behind the GEO commands, as Valkey does it: a position is a 52-bit
 * interleaving of 26 latitude bits (even positions) and 26 longitude bits (odd positions) over
 * longitude [-180, 180] and latitude [-85.05112878, 85.05112878] (the Web Mercator limits), stored
 * as a sorted-set score. Searches look at the cell of the centre and its eight neighbours at a
 * step chosen from the radius; distances are haversine on a sphere of radius 6372797.560856 m.
 */
final class Geohash {
    static final double LAT_MIN = -85.05112878;
    static final double LAT_MAX = 85.05112878;
    static final double LON_MIN = -180;
    static final double LON_MAX = 180;
    static final int STEP_MAX = 26;
    static final double EARTH_RADIUS = 6372797.560856;
    private static final double MERCATOR_MAX = 20037726.37;
    private static final double D_R = Math.PI / 180.0;

    private Geohash() {
    }

    static double degToRad(double deg) {
        return deg * D_R;
    }

    static double radToDeg(double rad) {
        return rad / D_R;
    }

    /** Spreads the low 32 bits of {@code v} to the even bit positions. */
    private static long spread(long v) {
        v &= 0xffffffffL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /** Gathers the even bit positions of {@code v} into the low 32 bits. */
    private static long squash(long v) {
        v &= 0x5555555555555555L;
        v = (v | (v >>> 1)) & 0x3333333333333333L;
        v = (v | (v >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
        v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
        v = (v | (v >>> 16)) & 0x00000000FFFFFFFFL;
        return v;
    }

    /**
     * The geohash bits of a position at {@code step} bits per coordinate within the given ranges,
     * or -1 when it lies outside them or outside the Mercator limits.
     */
    static long encode(double lonMin, double lonMax, double latMin, double latMax, double lon, double lat, int step) {
        if (lon > LON_MAX || lon < LON_MIN || lat > LAT_MAX || lat < LAT_MIN) return -1;
        if (lat < latMin || lat > latMax || lon < lonMin || lon > lonMax) return -1;
        double latOffset = (lat - latMin) / (latMax - latMin) * (double) (1L << step);
        double lonOffset = (lon - lonMin) / (lonMax - lonMin) * (double) (1L << step);
        return spread(toUint32(latOffset)) | (spread(toUint32(lonOffset)) << 1);
    }

    /** C's conversion of a non-negative double below 2^32 to uint32_t (truncation). */
    private static long toUint32(double d) {
        return ((long) d) & 0xffffffffL;
    }

    static long encodeWGS84(double lon, double lat, int step) {
        return encode(LON_MIN, LON_MAX, LAT_MIN, LAT_MAX, lon, lat, step);
    }

    /** The 52-bit score of a position (GEOADD). */
    static long score(double lon, double lat) {
        return encodeWGS84(lon, lat, STEP_MAX);
    }

    /** A cell: its longitude and latitude bounds. */
    record Area(double lonMin, double lonMax, double latMin, double latMax) {
    }

    static Area decode(long bits, int step) {
        long lat = squash(bits);
        long lon = squash(bits >>> 1);
        double scale = (double) (1L << step);
        double latScale = LAT_MAX - LAT_MIN;
        double lonScale = LON_MAX - LON_MIN;
        return new Area(
                LON_MIN + (lon * 1.0 / scale) * lonScale,
                LON_MIN + ((lon + 1) * 1.0 / scale) * lonScale,
                LAT_MIN + (lat * 1.0 / scale) * latScale,
                LAT_MIN + ((lat + 1) * 1.0 / scale) * latScale);
    }

    /** The centre of a stored score's cell, clamped to the limits: {longitude, latitude}. */
    static double[] position(double score) {
        Area a = decode((long) score, STEP_MAX);
        double lon = Math.max(LON_MIN, Math.min(LON_MAX, (a.lonMin + a.lonMax) / 2));
        double lat = Math.max(LAT_MIN, Math.min(LAT_MAX, (a.latMin + a.latMax) / 2));
        return new double[] {lon, lat};
    }

    /** The standard 11-character geohash text of a stored score (GEOHASH), over latitude [-90, 90]. */
    static byte[] text(double score) {
        double[] xy = position(score);
        long bits = encode(-180, 180, -90, 90, xy[0], xy[1], STEP_MAX);
        if (bits < 0) bits = 0;
        byte[] alphabet = "0123456789bcdefghjkmnpqrstuvwxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[11];
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - (i + 1) * 5)) & 0x1f); // only 52 bits: the last is 0
            out[i] = alphabet[idx];
        }
        return out;
    }

    static double latDistance(double lat1, double lat2) {
        return EARTH_RADIUS * Math.abs(degToRad(lat2) - degToRad(lat1));
    }

    /** Haversine distance in meters. */
    static double distance(double lon1, double lat1, double lon2, double lat2) {
        double lon1r = degToRad(lon1);
        double lon2r = degToRad(lon2);
        double v = Math.sin((lon2r - lon1r) / 2);
        if (v == 0.0) return latDistance(lat1, lat2); // same meridian: no trigonometry needed
        double lat1r = degToRad(lat1);
        double lat2r = degToRad(lat2);
        double u = Math.sin((lat2r - lat1r) / 2);
        double a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
    }

    /** The step whose cells are about as wide as the search radius (fewer near the poles). */
    static int estimateSteps(double rangeMeters, double lat) {
        if (rangeMeters == 0) return 26;
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) step--;
        }
        return Math.max(1, Math.min(26, step));
    }

    /** Moves a cell east (d > 0) or west (d < 0) at its step. */
    static long moveX(long bits, int step, int d) {
        if (d == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL;
        long y = bits & 0x5555555555555555L;
        long zz = 0x5555555555555555L >>> (64 - step * 2);
        if (d > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        return x | y;
    }

    /** Moves a cell north (d > 0) or south (d < 0) at its step. */
    static long moveY(long bits, int step, int d) {
        if (d == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL;
        long y = bits & 0x5555555555555555L;
        long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        if (d > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= 0x5555555555555555L >>> (64 - step * 2);
        return x | y;
    }
}
