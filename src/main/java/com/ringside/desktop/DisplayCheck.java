package com.ringside.desktop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a Linux desktop needs before JavaFX can open a window, said in words an IT person can act on; JavaFX's own
 * failure ("no suitable pipeline found") names neither the cause nor the package.
 */
public final class DisplayCheck {
    private static final String GTK3 = "libgtk-3.so.0";
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib");

    private DisplayCheck() {
    }

    /** The problem on this computer, if any. */
    public static Optional<String> problem() {
        if (System.getProperty("glass.platform") != null) {
            return Optional.empty(); // an explicit glass platform (Monocle) needs neither GTK nor a display
        }
        return problem(System.getProperty("os.name", ""), System.getenv(), libraryDirs(System.getenv()));
    }

    static Optional<String> problem(String osName, Map<String, String> env, List<Path> libraryDirs) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if (libraryDirs.stream().noneMatch(dir -> Files.exists(dir.resolve(GTK3)))) {
            return Optional.of("""
                    Ringside needs GTK 3 to show its window, and it is not installed on this computer.
                    Install it, then start Ringside again:
                      Debian, Ubuntu:  sudo apt install libgtk-3-0   (Ubuntu 24.04 and later: libgtk-3-0t64)
                      Fedora, RHEL:    sudo dnf install gtk3
                      openSUSE:        sudo zypper install libgtk-3-0""");
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("Ringside needs a graphical desktop to show its window, and none was found (DISPLAY "
                    + "and WAYLAND_DISPLAY are not set). Start it from the desktop, or over SSH with -X.");
        }
        return Optional.empty();
    }

    private static List<Path> libraryDirs(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String extra = env.get("LD_LIBRARY_PATH");
        if (!blank(extra)) {
            for (String dir : extra.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        LIBRARY_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        return dirs;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
