package dev.newsflow.plugins;

import dev.newsflow.plugin.ArticleHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Finds plug-ins: by the {@link ArticleHandler#name()} of a handler registered with {@link ServiceLoader}, or by
 * the fully qualified name of a class on the class path. Stateless and thread-safe.
 */
public final class Plugins {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Plugins() {
    }

    /**
     * A new, configured instance of the plug-in {@code nameOrClass}.
     *
     * @throws IllegalArgumentException when no plug-in has that name or class name, the class is not an
     *                                  {@link ArticleHandler}, its name is malformed, or it rejects a setting
     */
    public static ArticleHandler load(String nameOrClass, Map<String, String> settings, ClassLoader classLoader) {
        ArticleHandler handler = find(nameOrClass, classLoader);
        if (handler.name() == null || !NAME.matcher(handler.name()).matches()) {
            throw new IllegalArgumentException("plug-in " + handler.getClass().getName() + " has the name '" + handler.name()
                    + "'; a plug-in name is lower case letters, digits and dashes");
        }
        handler.configure(Map.copyOf(settings));
        return handler;
    }

    /** The names of the plug-ins registered with {@link ServiceLoader} on {@code classLoader}'s class path. */
    public static List<String> available(ClassLoader classLoader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ArticleHandler.class, classLoader).stream().forEach(provider -> names.add(provider.get().name()));
        return names.stream().sorted().toList();
    }

    private static ArticleHandler find(String nameOrClass, ClassLoader classLoader) {
        for (ServiceLoader.Provider<ArticleHandler> provider : ServiceLoader.load(ArticleHandler.class, classLoader).stream().toList()) {
            ArticleHandler handler = provider.get();
            if (nameOrClass.equals(handler.name()) || nameOrClass.equals(provider.type().getName())) {
                return handler;
            }
        }
        if (nameOrClass.contains(".")) {
            return instantiate(nameOrClass, classLoader);
        }
        throw new IllegalArgumentException("no plug-in named '" + nameOrClass + "'; available: " + available(classLoader)
                + ", or give the fully qualified name of an ArticleHandler class on the class path");
    }

    private static ArticleHandler instantiate(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("plug-in class " + className + " is not on the class path", e);
        }
        if (!ArticleHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("plug-in class " + className + " does not implement " + ArticleHandler.class.getName());
        }
        try {
            return (ArticleHandler) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("plug-in class " + className + " needs a public no-argument constructor", e);
        } catch (InstantiationException | InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("plug-in class " + className + " could not be created: " + cause, e);
        }
    }
}
