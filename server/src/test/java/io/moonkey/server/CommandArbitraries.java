package io.moonkey.server;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Building blocks of the generated command sequences the differential tests send to both servers. */
final class CommandArbitraries {
    private CommandArbitraries() {}

    /**
     * A command: {@code name} (several words for a subcommand, e.g. "OBJECT ENCODING") followed by
     * one value drawn from each of {@code args}.
     */
    static Arbitrary<List<String>> cmd(String name, List<Arbitrary<String>> args) {
        List<String> words = List.of(name.split(" "));
        if (args.isEmpty()) return Arbitraries.just(words);
        return Combinators.combine(args).as(list -> {
            List<String> l = new ArrayList<>(words);
            l.addAll(list);
            return l;
        });
    }
}
