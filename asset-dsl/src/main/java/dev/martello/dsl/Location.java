package dev.martello.dsl;

/** Where something was declared: the class and, when known, its source file and line, e.g. {@code CommerceMart.java:42}. */
public record Location(String className, String file, int line) {

    public static final Location UNKNOWN = new Location("", "", -1);

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The first caller outside the DSL, i.e. the analyst's line that declared something. */
    static Location ofCaller() {
        return WALKER.walk(frames -> frames
            .filter(f -> !f.getDeclaringClass().getPackageName().equals(Location.class.getPackageName()))
            .findFirst()
            .map(f -> new Location(f.getClassName(), f.getFileName() == null ? "" : f.getFileName(), f.getLineNumber()))
            .orElse(UNKNOWN));
    }

    /** The class of the first caller outside the DSL, to find {@code .sql} files beside it. */
    static Class<?> callerClass() {
        return WALKER.walk(frames -> frames
            .filter(f -> !f.getDeclaringClass().getPackageName().equals(Location.class.getPackageName()))
            .findFirst()
            .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
            .orElse(Location.class));
    }

    @Override
    public String toString() {
        if (file.isEmpty()) {
            return className.isEmpty() ? "unknown location" : className;
        }
        return line > 0 ? file + ":" + line : file;
    }
}
