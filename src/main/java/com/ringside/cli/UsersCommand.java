package com.ringside.cli;

import com.ringside.domain.UserRole;
import com.ringside.server.Authenticator;
import com.ringside.server.MasterException;
import com.ringside.server.MasterStore;
import com.ringside.server.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** `ringside users add`: creates a user in the master; the password comes from standard input, never argv. */
public final class UsersCommand implements Command {
    private static final String PASSWORD_STDIN = "--password-stdin";

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String summary() {
        return "users add --username U --role agent|supervisor|admin --password-stdin [--display-name N] "
                + "[--data-dir D | --db jdbc:postgresql://…]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (rest.isEmpty() || !rest.remove(0).equals("add")) {
            throw new Options.UsageException("the only users action is 'add'");
        }
        if (!rest.remove(PASSWORD_STDIN)) {
            throw new Options.UsageException(PASSWORD_STDIN + " is required: pipe the password in, so it never shows "
                    + "in the process list or shell history");
        }
        Options options = Options.parse(rest, Set.of("username", "role", "display-name", "data-dir", "db"));
        String username = options.get("username", null);
        UserRole role = options.choice("role", UserRole.class);
        if (username == null || role == null) {
            throw new Options.UsageException("--username and --role are required");
        }
        char[] password = readPassword(in);
        try (MasterStore store = MasterOptions.store(options, Clock.systemUTC())) {
            User user = new Authenticator(store, Clock.systemUTC(), Duration.ofHours(12))
                    .addUser(username, options.get("display-name", null), role, password);
            out.println("Added " + user.username() + " (" + user.role().name().toLowerCase(java.util.Locale.ROOT)
                    + "), id " + user.id());
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("ringside users add: " + e.getMessage());
            return USAGE;
        } catch (MasterException e) {
            err.println(e.getMessage());
            return FAILED;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new Options.UsageException("no password on standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new Options.UsageException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
