package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.zset.EntryCursor;
import io.moonkey.datastore.zset.ScoreRange;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GEOADD, GEODIST, GEOHASH, GEOPOS, GEORADIUS, GEORADIUSBYMEMBER (and their _RO forms),
 * GEOSEARCH and GEOSEARCHSTORE: positions kept as sorted-set scores ({@link Geohash}).
 */
public final class GeoCommands {
    private final Server server;
    private final SortedSetCommands zsets;

    public GeoCommands(Server server, SortedSetCommands zsets) {
        this.server = server;
        this.zsets = zsets;
    }

    // flags of the radius searches
    private static final int RADIUS_COORDS = 1;
    private static final int RADIUS_MEMBER = 2;
    private static final int RADIUS_NOSTORE = 4;
    private static final int SEARCH = 8;
    private static final int SEARCH_STORE = 16;

    public void register(CommandTable t) {
        String g = "geo";
        t.add(new CommandSpec("geoadd", -5, "write denyoom", g, "3.2.0",
                "Adds one or more members to a geospatial index. The key is created if it doesn't exist.", this::geoadd)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("geodist", -4, "readonly", g, "3.2.0", "Returns the distance between two members of a geospatial index.",
                this::geodist).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("geohash", -2, "readonly", g, "3.2.0", "Returns members from a geospatial index as geohash strings.",
                this::geohash).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("geopos", -2, "readonly", g, "3.2.0", "Returns the longitude and latitude of members from a geospatial index.",
                this::geopos).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("georadius", -6, "write denyoom", g, "3.2.0",
                "Queries a geospatial index for members within a distance from a coordinate, optionally stores the result.",
                (s, a, o) -> search(s, a, o, 1, RADIUS_COORDS))
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1))
                .keys(new KeySpec("OW UPDATE", 6, "STORE", 0, 1, 0, -1, 0))
                .keys(new KeySpec("OW UPDATE", 6, "STOREDIST", 0, 1, 0, -1, 0)));
        t.add(new CommandSpec("georadius_ro", -6, "readonly", g, "3.2.10",
                "Returns members from a geospatial index that are within a distance from a coordinate.",
                (s, a, o) -> search(s, a, o, 1, RADIUS_COORDS | RADIUS_NOSTORE)).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("georadiusbymember", -5, "write denyoom", g, "3.2.0",
                "Queries a geospatial index for members within a distance from a member, optionally stores the result.",
                (s, a, o) -> search(s, a, o, 1, RADIUS_MEMBER))
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1))
                .keys(new KeySpec("OW UPDATE", 5, "STORE", 0, 1, 0, -1, 0))
                .keys(new KeySpec("OW UPDATE", 5, "STOREDIST", 0, 1, 0, -1, 0)));
        t.add(new CommandSpec("georadiusbymember_ro", -5, "readonly", g, "3.2.10",
                "Returns members from a geospatial index that are within a distance from a member.",
                (s, a, o) -> search(s, a, o, 1, RADIUS_MEMBER | RADIUS_NOSTORE)).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("geosearch", -7, "readonly", g, "6.2.0",
                "Queries a geospatial index for members inside an area of a box or a circle.",
                (s, a, o) -> search(s, a, o, 1, SEARCH)).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("geosearchstore", -8, "write denyoom", g, "6.2.0",
                "Queries a geospatial index for members inside an area of a box or a circle, optionally stores the result.",
                (s, a, o) -> search(s, a, o, 2, SEARCH | SEARCH_STORE))
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, 0, 1)));
    }

    // ---- arguments ------------------------------------------------------------------------------

    /** printf's {@code %.Nf} of a double: exact decimal rounding, C's sign, inf and nan. */
    static String fixed(double v, int digits) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = new BigDecimal(Math.abs(v)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + s : s;
    }

    /** Valkey's "human" long-double text of a coordinate (a double is exact as a long double). */
    static byte[] human(double v) {
        return LongDoubleText.human(new BigDecimal(v));
    }

    private static void replyCoordinate(ReplySink out, double v) {
        out.doubleText(human(v));
    }

    private static void replyDistance(ReplySink out, double d) {
        out.bulk(fixed(d, 4).getBytes(StandardCharsets.US_ASCII));
    }

    /** A longitude, latitude pair within the Mercator limits, or Valkey's error. */
    private static double[] lonLat(byte[] lon, byte[] lat) {
        double x = SortedSetArguments.score(lon);
        double y = SortedSetArguments.score(lat);
        if (x < Geohash.LON_MIN || x > Geohash.LON_MAX || y < Geohash.LAT_MIN || y > Geohash.LAT_MAX) {
            throw new CommandError("ERR invalid longitude,latitude pair " + fixed(x, 6) + "," + fixed(y, 6));
        }
        return new double[] {x, y};
    }

    private static double unit(byte[] u) {
        if (is(u, "m")) return 1;
        if (is(u, "km")) return 1000;
        if (is(u, "ft")) return 0.3048;
        if (is(u, "mi")) return 1609.34;
        throw new CommandError("ERR unsupported unit provided. please use M, KM, FT, MI");
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * GEOADD key [NX | XX] [CH] longitude latitude member [...]: done by ZADD with the encoded
     * positions as scores, and propagated as that ZADD.
     */
    void geoadd(Session s, byte[][] argv, ReplySink out) {
        int first = 2;
        boolean nx = false, xx = false;
        while (first < argv.length) {
            if (is(argv[first], "nx")) nx = true;
            else if (is(argv[first], "xx")) xx = true;
            else if (!is(argv[first], "ch")) break;
            first++;
        }
        if ((argv.length - first) % 3 != 0 || (xx && nx)) throw new CommandError(SYNTAX);
        int elements = (argv.length - first) / 3;
        byte[][] zadd = new byte[first + elements * 2][];
        zadd[0] = "zadd".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(argv, 1, zadd, 1, first - 1);
        for (int i = 0; i < elements; i++) {
            int at = first + i * 3;
            double[] xy = lonLat(argv[at], argv[at + 1]);
            zadd[first + i * 2] = Arguments.bytes(Geohash.score(xy[0], xy[1]));
            zadd[first + i * 2 + 1] = argv[at + 2];
        }
        s.propagateAs(zadd);
        zsets.zadd(s, zadd, out);
    }

    /** GEODIST key member1 member2 [M | KM | FT | MI]: the distance, or nil if either is missing. */
    void geodist(Session s, byte[][] argv, ReplySink out) {
        double toMeter = 1;
        if (argv.length == 5) toMeter = unit(argv[4]);
        else if (argv.length > 5) throw new CommandError(SYNTAX);
        SortedSetValue z = SortedSetCommands.readZset(s.db(), argv[1]);
        if (z == null) {
            out.nullBulk();
            return;
        }
        double s1 = z.score(argv[2]);
        double s2 = z.score(argv[3]);
        if (Double.isNaN(s1) || Double.isNaN(s2)) {
            out.nullBulk();
            return;
        }
        double[] a = Geohash.position(s1);
        double[] b = Geohash.position(s2);
        replyDistance(out, Geohash.distance(a[0], a[1], b[0], b[1]) / toMeter);
    }

    /** GEOHASH key [member ...]: 11-character geohash strings, nil for missing members. */
    void geohash(Session s, byte[][] argv, ReplySink out) {
        SortedSetValue z = SortedSetCommands.readZset(s.db(), argv[1]);
        out.arrayHeader(argv.length - 2);
        for (int j = 2; j < argv.length; j++) {
            double score = z == null ? Double.NaN : z.score(argv[j]);
            if (Double.isNaN(score)) out.nullBulk();
            else out.bulk(Geohash.text(score));
        }
    }

    /** GEOPOS key [member ...]: [longitude, latitude] per member, a null array for missing ones. */
    void geopos(Session s, byte[][] argv, ReplySink out) {
        SortedSetValue z = SortedSetCommands.readZset(s.db(), argv[1]);
        out.arrayHeader(argv.length - 2);
        for (int j = 2; j < argv.length; j++) {
            double score = z == null ? Double.NaN : z.score(argv[j]);
            if (Double.isNaN(score)) {
                out.nullArray();
            } else {
                double[] xy = Geohash.position(score);
                out.arrayHeader(2);
                replyCoordinate(out, xy[0]);
                replyCoordinate(out, xy[1]);
            }
        }
    }

    /** The shape searched: a circle of {@code radius} or a box {@code width} x {@code height}, in the unit's meters. */
    private static final class Shape {
        double lon, lat;
        boolean box;
        double radius, width, height;
        double conversion = 1;
    }

    /** One result: its member, score, position and distance from the centre. */
    private record Point(byte[] member, double score, double lon, double lat, double dist) {
    }

    private static final int SORT_NONE = 0, SORT_ASC = 1, SORT_DESC = 2;

    /**
     * The radius and box searches, one parser for all their forms (Valkey's georadiusGeneric):
     * the options, then the cells around the centre scanned in a fixed order, each as a score range.
     */
    void search(Session s, byte[][] argv, ReplySink out, int keyIndex, int flags) {
        Database db = s.db();
        SortedSetValue z = SortedSetCommands.readZset(db, argv[keyIndex]);
        Shape shape = new Shape();
        byte[] storeKey = null;
        boolean storeDist = false;
        int base;
        if ((flags & RADIUS_COORDS) != 0) {
            base = 6;
            double[] xy = lonLat(argv[2], argv[3]);
            shape.lon = xy[0];
            shape.lat = xy[1];
            radius(shape, argv[4], argv[5]);
        } else if ((flags & RADIUS_MEMBER) != 0 && z == null) {
            base = 5;
        } else if ((flags & RADIUS_MEMBER) != 0) {
            base = 5;
            fromMember(z, argv[2], shape);
            radius(shape, argv[3], argv[4]);
        } else {
            base = 2;
            if ((flags & SEARCH_STORE) != 0) {
                base = 3;
                storeKey = argv[1];
            }
        }
        boolean withDist = false, withHash = false, withCoord = false;
        boolean fromMember = false, fromLonLat = false, byRadius = false, byBox = false;
        int sort = SORT_NONE;
        boolean any = false;
        long count = 0;
        int remaining = argv.length - base;
        boolean search = (flags & SEARCH) != 0;
        for (int i = 0; i < remaining; i++) {
            byte[] arg = argv[base + i];
            if (is(arg, "withdist")) {
                withDist = true;
            } else if (is(arg, "withhash")) {
                withHash = true;
            } else if (is(arg, "withcoord")) {
                withCoord = true;
            } else if (is(arg, "any")) {
                any = true;
            } else if (is(arg, "asc")) {
                sort = SORT_ASC;
            } else if (is(arg, "desc")) {
                sort = SORT_DESC;
            } else if (is(arg, "count") && i + 1 < remaining) {
                count = Arguments.parseLong(argv[base + i + 1]);
                if (count <= 0) throw new CommandError("ERR COUNT must be > 0");
                i++;
            } else if ((is(arg, "store") || is(arg, "storedist")) && i + 1 < remaining && (flags & RADIUS_NOSTORE) == 0 && !search) {
                storeKey = argv[base + i + 1];
                storeDist = is(arg, "storedist");
                i++;
            } else if (is(arg, "storedist") && search && (flags & SEARCH_STORE) != 0) {
                storeDist = true;
            } else if (is(arg, "frommember") && i + 1 < remaining && search && !fromLonLat) {
                if (z != null) fromMember(z, argv[base + i + 1], shape);
                fromMember = true;
                i++;
            } else if (is(arg, "fromlonlat") && i + 2 < remaining && search && !fromMember) {
                double[] xy = lonLat(argv[base + i + 1], argv[base + i + 2]);
                shape.lon = xy[0];
                shape.lat = xy[1];
                fromLonLat = true;
                i += 2;
            } else if (is(arg, "byradius") && i + 2 < remaining && search && !byBox) {
                radius(shape, argv[base + i + 1], argv[base + i + 2]);
                byRadius = true;
                i += 2;
            } else if (is(arg, "bybox") && i + 3 < remaining && search && !byRadius) {
                double w = SortedSetArguments.score(argv[base + i + 1], "ERR need numeric width");
                double h = SortedSetArguments.score(argv[base + i + 2], "ERR need numeric height");
                if (h < 0 || w < 0) throw new CommandError("ERR height or width cannot be negative");
                shape.width = w;
                shape.height = h;
                shape.conversion = unit(argv[base + i + 3]);
                shape.box = true;
                byBox = true;
                i += 3;
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        String name = latin1(argv[0]);
        if (storeKey != null && (withDist || withHash || withCoord)) {
            throw new CommandError("ERR " + ((flags & SEARCH_STORE) != 0 ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        if (search && !(fromMember || fromLonLat)) {
            throw new CommandError("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + name);
        }
        if (search && !(byRadius || byBox)) {
            throw new CommandError("ERR exactly one of BYRADIUS and BYBOX can be specified for " + name);
        }
        if (any && count == 0) throw new CommandError("ERR the ANY argument requires COUNT argument");

        if (z == null) {
            if (storeKey != null) {
                if (db.delete(storeKey)) {
                    s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", storeKey);
                    s.dirty();
                }
                out.integer(0);
            } else {
                out.arrayHeader(0);
            }
            return;
        }
        if (count != 0 && sort == SORT_NONE && !any) sort = SORT_ASC; // the closest N need an order

        List<Point> found = new ArrayList<>();
        for (long cell : cells(shape)) {
            if (any && count > 0 && found.size() >= count) break;
            collect(z, cell, shape, found, any ? count : 0);
        }
        if (found.isEmpty() && storeKey == null) {
            out.arrayHeader(0);
            return;
        }
        int returned = (int) (count == 0 || found.size() < count ? found.size() : count);
        if (sort == SORT_ASC) found.sort(Comparator.comparingDouble(Point::dist));
        else if (sort == SORT_DESC) found.sort(Comparator.comparingDouble(Point::dist).reversed());

        if (storeKey == null) {
            int options = (withDist ? 1 : 0) + (withCoord ? 1 : 0) + (withHash ? 1 : 0);
            out.arrayHeader(returned);
            for (int i = 0; i < returned; i++) {
                Point p = found.get(i);
                if (options > 0) out.arrayHeader(options + 1);
                out.bulk(p.member);
                if (withDist) replyDistance(out, p.dist / shape.conversion);
                if (withHash) out.integer((long) p.score);
                if (withCoord) {
                    out.arrayHeader(2);
                    replyCoordinate(out, p.lon);
                    replyCoordinate(out, p.lat);
                }
            }
            return;
        }
        if (returned == 0) {
            if (db.delete(storeKey)) {
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", storeKey);
                s.dirty();
            }
            out.integer(0);
            return;
        }
        SortedSetValue result = SortedSetValue.create(false);
        for (int i = 0; i < returned; i++) {
            Point p = found.get(i);
            if (!Double.isNaN(result.score(p.member))) continue; // a cell scanned twice (huge radii)
            result.add(p.member, storeDist ? p.dist / shape.conversion : p.score);
        }
        if (zsets.fitsListpack(result.size(), result.maxMemberLength())) result.toListpack();
        db.put(storeKey, result, false);
        s.notifyKeyspace(KeyspaceEvents.ZSET, search ? "geosearchstore" : "georadiusstore", storeKey);
        s.dirty(returned);
        out.integer(returned);
    }

    private static void radius(Shape shape, byte[] value, byte[] unit) {
        double r = SortedSetArguments.score(value, "ERR need numeric radius");
        if (r < 0) throw new CommandError("ERR radius cannot be negative");
        shape.radius = r;
        shape.conversion = unit(unit);
        shape.box = false;
    }

    private static void fromMember(SortedSetValue z, byte[] member, Shape shape) {
        double score = z.score(member);
        if (Double.isNaN(score)) throw new CommandError("ERR could not decode requested zset member");
        double[] xy = Geohash.position(score);
        shape.lon = xy[0];
        shape.lat = xy[1];
    }

    /**
     * The cells to scan, in Valkey's order (centre, N, S, E, W, NE, NW, SE, SW) as 52-bit score
     * bases with their step encoded in the low byte of the list entry pair: returned as pairs
     * {bits << 8 | step}; cells excluded by the bounding box are left out, and a cell equal to
     * the previously scanned one (huge radii) is skipped.
     */
    private static List<Long> cells(Shape shape) {
        double height = shape.conversion * (shape.box ? shape.height / 2 : shape.radius);
        double width = shape.conversion * (shape.box ? shape.width / 2 : shape.radius);
        double latDelta = Geohash.radToDeg(height / Geohash.EARTH_RADIUS);
        double lonDeltaTop = Geohash.radToDeg(width / Geohash.EARTH_RADIUS / Math.cos(Geohash.degToRad(shape.lat + latDelta)));
        double lonDeltaBottom = Geohash.radToDeg(width / Geohash.EARTH_RADIUS / Math.cos(Geohash.degToRad(shape.lat - latDelta)));
        boolean south = shape.lat < 0;
        double minLon = south ? shape.lon - lonDeltaBottom : shape.lon - lonDeltaTop;
        double maxLon = south ? shape.lon + lonDeltaBottom : shape.lon + lonDeltaTop;
        double minLat = shape.lat - latDelta;
        double maxLat = shape.lat + latDelta;

        double radiusMeters = shape.box
                ? Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2))
                : shape.radius;
        radiusMeters *= shape.conversion;
        int steps = Geohash.estimateSteps(radiusMeters, shape.lat);
        long hash = Geohash.encodeWGS84(shape.lon, shape.lat, steps);
        long[] n = neighbours(hash, steps);
        boolean decrease = Geohash.decode(n[1], steps).latMax() < maxLat
                || Geohash.decode(n[2], steps).latMin() > minLat
                || Geohash.decode(n[3], steps).lonMax() < maxLon
                || Geohash.decode(n[4], steps).lonMin() > minLon;
        if (steps > 1 && decrease) {
            steps--;
            hash = Geohash.encodeWGS84(shape.lon, shape.lat, steps);
            n = neighbours(hash, steps);
        }
        Geohash.Area area = Geohash.decode(hash, steps);
        boolean[] skip = new boolean[9];
        if (steps >= 2) {
            if (area.latMin() < minLat) skip[2] = skip[8] = skip[7] = true; // south, south-west, south-east
            if (area.latMax() > maxLat) skip[1] = skip[5] = skip[6] = true; // north, north-east, north-west
            if (area.lonMin() < minLon) skip[4] = skip[8] = skip[6] = true; // west, south-west, north-west
            if (area.lonMax() > maxLon) skip[3] = skip[7] = skip[5] = true; // east, south-east, north-east
        }
        List<Long> cells = new ArrayList<>(9);
        int last = 0;
        for (int i = 0; i < 9; i++) {
            if (skip[i]) continue;
            // Valkey compares with the last scanned cell only once one other than the centre was scanned
            if (last != 0 && n[i] == n[last]) continue;
            cells.add(n[i] << 8 | steps);
            last = i;
        }
        return cells;
    }

    /** The cell itself, then N, S, E, W, NE, NW, SE, SW. */
    private static long[] neighbours(long hash, int step) {
        return new long[] {
            hash,
            Geohash.moveY(hash, step, 1),
            Geohash.moveY(hash, step, -1),
            Geohash.moveX(hash, step, 1),
            Geohash.moveX(hash, step, -1),
            Geohash.moveY(Geohash.moveX(hash, step, 1), step, 1),
            Geohash.moveY(Geohash.moveX(hash, step, -1), step, 1),
            Geohash.moveY(Geohash.moveX(hash, step, 1), step, -1),
            Geohash.moveY(Geohash.moveX(hash, step, -1), step, -1),
        };
    }

    /** Adds the members of one cell (a score range) that lie inside the shape, up to {@code limit} in all. */
    private static void collect(SortedSetValue z, long cell, Shape shape, List<Point> found, long limit) {
        int step = (int) (cell & 0xff);
        long bits = cell >>> 8;
        double min = (double) (bits << (52 - step * 2));
        double max = (double) ((bits + 1) << (52 - step * 2));
        ScoreRange range = new ScoreRange(min, false, max, true);
        int from = z.scoreRangeStart(range);
        int to = z.scoreRangeEnd(range);
        if (from >= to) return;
        EntryCursor c = z.cursorAt(from);
        for (int r = from; r < to; r++, c.next()) {
            double score = c.score();
            double[] xy = Geohash.position(score);
            double dist;
            if (shape.box) {
                if (Geohash.latDistance(xy[1], shape.lat) > shape.height * shape.conversion / 2) continue;
                if (Geohash.distance(xy[0], xy[1], shape.lon, xy[1]) > shape.width * shape.conversion / 2) continue;
                dist = Geohash.distance(shape.lon, shape.lat, xy[0], xy[1]);
            } else {
                dist = Geohash.distance(shape.lon, shape.lat, xy[0], xy[1]);
                if (dist > shape.radius * shape.conversion) continue;
            }
            found.add(new Point(c.member(), score, xy[0], xy[1], dist));
            if (limit > 0 && found.size() >= limit) return;
        }
    }
}
