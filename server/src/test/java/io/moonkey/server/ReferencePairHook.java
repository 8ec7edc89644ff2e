package io.moonkey.server;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.AfterContainerHook;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The jqwik side of {@link ReferencePairExtension} (jqwik ignores JUnit extensions): starts the
 * class's static {@code ReferencePairExtension} fields before the container, stops them after it,
 * and reports each property skipped, with what to install, when redis-server is missing.
 */
final class ReferencePairHook implements SkipExecutionHook, BeforeContainerHook, AfterContainerHook {
    /** Outside the class's own @BeforeContainer/@AfterContainer methods (jqwik runs those at -10): they may use the pair. */
    private static final int PROXIMITY = -20;

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return ReferenceServer.executable() == null ? SkipResult.skip(ReferenceServer.SKIP_MESSAGE) : SkipResult.doNotSkip();
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) throws Exception {
        for (ReferencePairExtension pair : pairsOf(context)) pair.start();
    }

    @Override
    public int beforeContainerProximity() {
        return PROXIMITY;
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) throws Exception {
        for (ReferencePairExtension pair : pairsOf(context)) pair.stop();
    }

    @Override
    public int afterContainerProximity() {
        return PROXIMITY;
    }

    private static List<ReferencePairExtension> pairsOf(ContainerLifecycleContext context) throws IllegalAccessException {
        List<ReferencePairExtension> pairs = new ArrayList<>();
        Class<?> c = context.optionalContainerClass().orElse(null);
        if (c == null) return pairs;
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != ReferencePairExtension.class) continue;
            f.setAccessible(true);
            pairs.add((ReferencePairExtension) f.get(null));
        }
        return pairs;
    }
}
