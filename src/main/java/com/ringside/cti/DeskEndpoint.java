package com.ringside.cti;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the running desk listens on loopback and the token that opens it: kept in the data directory, readable only
 * by its user. The token is made once per install, so CTI middleware configured with it keeps working.
 */
public record DeskEndpoint(int port, String token) {
    public static final String FILE_NAME = "screen-pop.properties";
    /** The port the desk asks for first, so a screen-pop URL configured once stays valid. */
    public static final int DEFAULT_PORT = 8766;
    private static final int TOKEN_BYTES = 24;

    public DeskEndpoint {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0…65535, not " + port);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is required");
        }
    }

    /** The screen-pop URL for CTI middleware. */
    public String callsUrl() {
        return "http://127.0.0.1:" + port + LoopbackPopServer.CALLS;
    }

    /** What the file in {@code dataDirectory} says, if there is a readable one. */
    public static Optional<DeskEndpoint> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new DeskEndpoint(Integer.parseInt(properties.getProperty("port", "0").strip()),
                    properties.getProperty("token", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** This install's token: the one already in the file, else a new random one. */
    public static String token(Path dataDirectory) {
        return read(dataDirectory).map(DeskEndpoint::token).orElseGet(() -> {
            byte[] bytes = new byte[TOKEN_BYTES];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** Writes the file whole (never half-written), readable only by its user where the file system can say so. */
    public void write(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        Path temporary = dataDirectory.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dataDirectory);
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Properties properties = new Properties();
            properties.setProperty("port", Integer.toString(port));
            properties.setProperty("token", token);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Ringside screen-pop URL: POST http://127.0.0.1:<port>"
                        + LoopbackPopServer.CALLS + " with the header Authorization: Bearer <token>");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The screen-pop address could not be saved in " + file, e);
        }
    }
}
