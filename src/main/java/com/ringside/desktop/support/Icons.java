package com.ringside.desktop.support;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons; colour comes from the stylesheet through the style class. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(String literal, String... styleClasses) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }
}
