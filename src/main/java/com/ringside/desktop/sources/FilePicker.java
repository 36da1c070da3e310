package com.ringside.desktop.sources;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where a file to read comes from: the user picks one; tests name it. */
@FunctionalInterface
public interface FilePicker {
    Optional<Path> open(Window owner, String title, String... extensions);

    static FilePicker fileChooser() {
        return (owner, title, extensions) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            String[] patterns = java.util.Arrays.stream(extensions).map(extension -> "*." + extension).toArray(String[]::new);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
            File file = chooser.showOpenDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
