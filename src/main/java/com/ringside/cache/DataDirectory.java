package com.ringside.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Ringside keeps its files: {@code --data-dir}, else {@code RINGSIDE_DATA_DIR}, else the operating
 * system's convention (Windows %LOCALAPPDATA%\Ringside, macOS ~/Library/Application Support/Ringside,
 * elsewhere $XDG_DATA_HOME/ringside or ~/.local/share/ringside).
 */
public final class DataDirectory {
    public static final String ENVIRONMENT_VARIABLE = "RINGSIDE_DATA_DIR";

    private DataDirectory() {
    }

    public static Path resolve(String flagValue) {
        return resolve(flagValue, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(String flagValue, Map<String, String> env, String osName, String home) {
        if (flagValue != null && !flagValue.isBlank()) {
            return Path.of(flagValue).toAbsolutePath();
        }
        String fromEnv = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return Path.of(local, "Ringside");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Ringside");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg)).resolve("ringside");
    }
}
