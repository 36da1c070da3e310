package com.ringside.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** The names of the agents who appear on timelines. */
public final class AgentStore {
    private final CacheDatabase database;

    public AgentStore(CacheDatabase database) {
        this.database = database;
    }

    public void saveAll(Collection<Agent> agents) {
        database.write(connection -> {
            saveAll(connection, agents);
            return null;
        });
    }

    public void saveAll(Connection connection, Collection<Agent> agents) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO agent (id, display_name, team) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, team = excluded.team""")) {
            for (Agent agent : agents) {
                upsert.setString(1, agent.id().toString());
                upsert.setString(2, agent.displayName());
                upsert.setString(3, agent.team());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** An agent as the timeline names them. */
    public record Agent(UUID id, String displayName, String team) {
    }
}
