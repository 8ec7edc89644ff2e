package io.moonkey.server;

/** Entry point of {@code bin/moonkey-server}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("moonkey server 0.1.0 (the network server is not built yet)");
    }
}
