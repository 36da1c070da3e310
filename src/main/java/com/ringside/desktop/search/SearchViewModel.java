package com.ringside.desktop.search;

import com.ringside.cache.CustomerStore;
import com.ringside.cache.SearchHit;
import com.ringside.cache.SearchPage;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search as the agent types. Each search supersedes the previous one: an answer that arrives after a newer
 * question was asked is dropped, so a slow query can never overwrite the results of a later one.
 */
public final class SearchViewModel {
    public static final int PAGE_SIZE = 50;

    private final CustomerStore customers;
    private final Background background;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty moreAvailable = new SimpleBooleanProperty();
    private long generation;
    private int total;
    private boolean loadingMore;

    public SearchViewModel(CustomerStore customers, Background background) {
        this.customers = customers;
        this.background = background;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> results() {
        return results;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable;
    }

    /** Searches for the current query from the first page. */
    public void search() {
        long asked = ++generation;
        loadingMore = false;
        String typed = query.get();
        background.run(() -> customers.search(typed, 0, PAGE_SIZE), page -> {
            if (asked == generation) {
                results.setAll(page.hits());
                show(page, typed);
            }
        }, failure -> {
            if (asked == generation) {
                results.clear();
                status.set(Messages.get("search.failed", failure.getMessage()));
            }
        });
    }

    /** Appends the next page of the current results; asking again while a page is on its way does nothing. */
    public void loadMore() {
        if (!moreAvailable.get() || loadingMore) {
            return;
        }
        loadingMore = true;
        long asked = generation;
        String typed = query.get();
        int offset = results.size();
        background.run(() -> customers.search(typed, offset, PAGE_SIZE), page -> {
            if (asked == generation) {
                loadingMore = false;
                results.addAll(page.hits());
                show(page, typed);
            }
        }, failure -> {
            loadingMore = false;
            status.set(Messages.get("search.failed", failure.getMessage()));
        });
    }

    private void show(SearchPage page, String typed) {
        total = page.total();
        moreAvailable.set(results.size() < total);
        if (!page.hint().isEmpty()) {
            status.set(page.hint());
        } else if (total == 0) {
            status.set(typed.isBlank() ? "" : Messages.get("search.none", typed.strip()));
        } else if (page.more()) {
            status.set(Messages.get("search.tooMany", total));
        } else {
            status.set(Messages.get("search.count", total));
        }
    }
}
