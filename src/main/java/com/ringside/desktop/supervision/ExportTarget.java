package com.ringside.desktop.supervision;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where an export goes: the supervisor picks a file; tests name one. */
@FunctionalInterface
public interface ExportTarget {
    Optional<Path> choose(Window owner, String suggestedName, String extension);

    static ExportTarget fileChooser() {
        return (owner, suggestedName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(suggestedName + "." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files",
                    "*." + extension));
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
