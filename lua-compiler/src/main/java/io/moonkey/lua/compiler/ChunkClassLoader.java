package io.moonkey.lua.compiler;

import java.util.Map;

/**
 * Defines the classes of one compiled chunk. Each chunk gets its own loader, so its classes can
 * refer to each other by name and are unloaded together once nothing references the chunk's
 * functions (the server drops scripts from its cache; design §1.12).
 */
final class ChunkClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    ChunkClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.remove(name.replace('.', '/'));
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }
}
