package com.ringside.cli;

import com.ringside.domain.UserRole;
import com.ringside.server.Authenticator;
import com.ringside.server.MasterException;
import com.ringside.server.MasterStore;
import com.ringside.server.User;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** `ringside users add`: creates a user in the master; the password comes from standard input, never argv. */
public final class UsersCommand implements Command {
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
        if (!rest.remove(PasswordInput.FLAG)) {
            throw new Options.UsageException(PasswordInput.FLAG + " is required: pipe the password in, so it never shows "
                    + "in the process list or shell history");
        }
        Options options = Options.parse(rest, Set.of("username", "role", "display-name", "data-dir", "db"));
        String username = options.get("username", null);
        UserRole role = options.choice("role", UserRole.class);
        if (username == null || role == null) {
            throw new Options.UsageException("--username and --role are required");
        }
        char[] password = PasswordInput.read(in);
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
}
