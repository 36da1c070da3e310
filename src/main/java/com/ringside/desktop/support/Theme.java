package com.ringside.desktop.support;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;

/**
 * Light or dark: a swap of AtlantaFX's palette of looked-up colours. Ringside's own stylesheet uses only those
 * colours, so it follows. The choice is remembered per user.
 */
public final class Theme {
    public static final String STYLESHEET = Theme.class.getResource("/com/ringside/desktop/ringside.css").toExternalForm();
    private static final String KEY = "theme.dark";

    private final Preferences preferences;
    private boolean dark;

    public Theme(Preferences preferences) {
        this.preferences = preferences;
        this.dark = preferences.getBoolean(KEY, false);
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        dark = !dark;
        preferences.putBoolean(KEY, dark);
        apply();
    }

    public boolean isDark() {
        return dark;
    }
}
