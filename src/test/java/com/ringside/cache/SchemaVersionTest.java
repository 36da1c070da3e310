package com.ringside.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    @Test
    void theKnownSchemaVersionIsTheHighestMigration() throws Exception {
        Pattern migration = Pattern.compile("V(\\d+)__.*\\.sql");
        int highest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/cache"))) {
            highest = files.map(file -> migration.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1))).max().orElse(0);
        }
        assertThat(CacheDatabase.SCHEMA_VERSION).isEqualTo(highest);
    }
}
