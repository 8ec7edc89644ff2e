package io.moonkey.server;

import io.moonkey.server.config.ConfigException;
import io.moonkey.server.net.EventLoop;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Entry point of {@code bin/moonkey-server}: {@code [config-file] [--name value ...]} as
 * valkey-server takes them; runs in memory, logs to stdout (or logfile), stops on SIGTERM or
 * SHUTDOWN.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("-v") || args[0].equals("--version"))) {
            System.out.println("Moonkey server v=" + Version.VALKEY + " (redis_version " + Version.REDIS_COMPAT + ") bits=64");
            return;
        }
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println("Usage: moonkey-server [/path/to/valkey.conf] [options]");
            System.out.println("       moonkey-server -v or --version");
            System.out.println("       moonkey-server -h or --help");
            System.out.println("Examples:");
            System.out.println("       moonkey-server (run the server with default config)");
            System.out.println("       moonkey-server /etc/valkey/6379.conf");
            System.out.println("       moonkey-server --port 7777");
            System.out.println("       moonkey-server /etc/myvalkey.conf --loglevel verbose");
            return;
        }
        Server server;
        try {
            server = new Server(args);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        } catch (IOException e) {
            System.err.println("Fatal error, can't open config file '" + e.getMessage() + "'");
            System.exit(1);
            return;
        }
        Log log = server.log();
        String logfile = server.config().get("logfile");
        if (!logfile.isEmpty()) {
            try {
                log.setOutput(new PrintStream(new FileOutputStream(logfile, true), true));
            } catch (IOException e) {
                System.err.println("Can't open the log file: " + e.getMessage());
                System.exit(1);
            }
        }
        log.notice("oO0OoO0OoO0Oo Moonkey is starting oO0OoO0OoO0Oo");
        log.notice("Moonkey version=" + Version.VALKEY + ", bits=64, pid=" + ProcessHandle.current().pid() + ", just started");
        if (args.length == 0) log.warning("Warning: no config file specified, using the default config. In order to specify a config file use moonkey-server /path/to/valkey.conf");
        else if (server.config().file() == null) log.notice("Configuration loaded");
        EventLoop loop;
        int port = (int) server.config().getLong("port");
        try {
            loop = new EventLoop(server);
            port = loop.bind(port);
        } catch (IOException e) {
            log.warning("Warning: Could not create server TCP listening socket *:" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        server.config().param("port").set(Integer.toString(port));
        log.notice("Running mode=" + (server.cluster().enabled() ? "cluster" : "standalone") + ", port=" + port + ".");
        log.notice("Server initialized");
        log.notice("Ready to accept connections tcp");
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (loop.isStopping()) return;
            log.warning("Received SIGTERM scheduling shutdown...");
            server.requestSaveOnStop();
            loop.stop();
            try {
                loop.awaitTermination(5000);
                main.join(1000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(0); // a requested shutdown is a clean exit, as valkey-server's
        }, "moonkey-shutdown"));
        loop.run();
        log.notice("Moonkey is now ready to exit, bye bye...");
    }
}
