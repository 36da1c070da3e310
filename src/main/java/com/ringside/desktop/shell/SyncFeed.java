package com.ringside.desktop.shell;

import com.ringside.sync.SyncEngine;
import com.ringside.sync.SyncStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Brings what the sync engine reports onto the FX thread, for the status bar and the open customer. */
public final class SyncFeed implements SyncEngine.Listener {
    private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>(SyncStatus.STARTING);
    private final List<Consumer<Set<UUID>>> changeListeners = new CopyOnWriteArrayList<>();

    @Override
    public void status(SyncStatus latest) {
        Platform.runLater(() -> status.set(latest));
    }

    @Override
    public void customersChanged(Set<UUID> customerIds) {
        Platform.runLater(() -> changeListeners.forEach(listener -> listener.accept(customerIds)));
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status;
    }

    /** {@code listener} hears, on the FX thread, which customers a sync changed. */
    public void onCustomersChanged(Consumer<Set<UUID>> listener) {
        changeListeners.add(listener);
    }
}
