package com.ringside.cache;

import com.ringside.domain.Channel;
import com.ringside.domain.Direction;
import com.ringside.domain.LineOfBusiness;
import java.util.Set;

/** Which contacts the timeline shows; an empty set means all. A null direction means both. */
public record TimelineFilter(Set<Channel> channels, Set<LineOfBusiness> linesOfBusiness, Direction direction) {
    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), Set.of(), null);

    public TimelineFilter {
        channels = Set.copyOf(channels);
        linesOfBusiness = Set.copyOf(linesOfBusiness);
    }
}
