package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayCheckTest {
    @TempDir
    Path libs;

    @Test
    void aLinuxWithoutGtk3IsToldWhichPackageToInstall() {
        assertThat(DisplayCheck.problem("Linux", Map.of("DISPLAY", ":0"), List.of(libs)))
                .hasValueSatisfying(message -> assertThat(message).contains("needs GTK 3")
                        .contains("sudo apt install libgtk-3-0").contains("sudo dnf install gtk3"));
    }

    @Test
    void gtk3AndADisplayAreEnough() throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        assertThat(DisplayCheck.problem("Linux", Map.of("DISPLAY", ":0"), List.of(libs))).isEmpty();
        assertThat(DisplayCheck.problem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(libs))).isEmpty();
    }

    @Test
    void withoutADisplayTheMessageSaysSo() throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        assertThat(DisplayCheck.problem("Linux", Map.of(), List.of(libs)))
                .hasValueSatisfying(message -> assertThat(message).contains("needs a graphical desktop"));
    }

    @Test
    void windowsAndMacNeedNothingOfThis() {
        assertThat(DisplayCheck.problem("Windows 11", Map.of(), List.of(libs))).isEmpty();
        assertThat(DisplayCheck.problem("Mac OS X", Map.of(), List.of(libs))).isEmpty();
    }
}
