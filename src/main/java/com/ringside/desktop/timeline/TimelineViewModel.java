package com.ringside.desktop.timeline;

import com.ringside.cache.ContactEventStore;
import com.ringside.cache.TimelineCursor;
import com.ringside.cache.TimelineEntry;
import com.ringside.cache.TimelineFilter;
import com.ringside.domain.Channel;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One customer's contacts, newest first, loaded a page at a time and filtered by the database. */
public final class TimelineViewModel {
    public static final int PAGE_SIZE = 200;

    private final ContactEventStore events;
    private final Background background;
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Set<Channel>> channels = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<Set<LineOfBusiness>> lines = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final SimpleBooleanProperty moreAvailable = new SimpleBooleanProperty();
    private final StringProperty footer = new SimpleStringProperty("");
    private UUID customerId;
    private TimelineCursor next;
    private long generation;

    public TimelineViewModel(ContactEventStore events, Background background) {
        this.events = events;
        this.background = background;
        channels.addListener((observable, before, after) -> reload());
        lines.addListener((observable, before, after) -> reload());
        direction.addListener((observable, before, after) -> reload());
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    /** Channels to show; empty shows every channel. */
    public ObjectProperty<Set<Channel>> channelsProperty() {
        return channels;
    }

    /** Lines of business to show; empty shows every line. */
    public ObjectProperty<Set<LineOfBusiness>> linesOfBusinessProperty() {
        return lines;
    }

    /** Direction to show; null shows both. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable;
    }

    public ReadOnlyStringProperty footerProperty() {
        return footer;
    }

    public void show(UUID customer) {
        customerId = customer;
        reload();
    }

    /** Empties the timeline when no customer is on screen. */
    public void clear() {
        customerId = null;
        next = null;
        ++generation;
        entries.clear();
        total.set(0);
        moreAvailable.set(false);
        footer.set("");
    }

    public void reload() {
        if (customerId == null) {
            return;
        }
        next = null;
        load(true);
    }

    public void loadMore() {
        if (next != null) {
            load(false);
        }
    }

    private void load(boolean fresh) {
        long asked = fresh ? ++generation : generation;
        UUID customer = customerId;
        TimelineCursor after = next;
        TimelineFilter filter = new TimelineFilter(channels.get(), lines.get(), direction.get());
        background.run(() -> events.timeline(customer, filter, after, PAGE_SIZE), page -> {
            if (asked != generation) {
                return;
            }
            if (fresh) {
                entries.setAll(page.entries());
            } else {
                entries.addAll(page.entries());
            }
            next = page.next();
            total.set(page.total());
            moreAvailable.set(next != null);
            footer.set(Messages.get("timeline.showing", entries.size(), page.total()));
        }, failure -> footer.set(Messages.get("timeline.failed", failure.getMessage())));
    }
}
