package com.ringside.app;

import com.ringside.cache.DataDirectory;
import com.ringside.cli.Command;
import com.ringside.cli.DecideCommand;
import com.ringside.cli.DemoDataCommand;
import com.ringside.cli.Options;
import com.ringside.cli.ServerCommand;
import com.ringside.cli.UsersCommand;
import com.ringside.desktop.DeskLauncher;
import com.ringside.desktop.EmbeddedMasterStarter;
import com.ringside.server.EmbeddedMaster;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import com.ringside.domain.UserRole;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** `ringside [command] [options]`: with no command, opens the desk. */
public final class Main {
    private static final int DEMO_CUSTOMERS = 2_000;
    private static final List<Command> COMMANDS = List.of(new DemoDataCommand(), new DecideCommand(),
            new ServerCommand(), new UsersCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        if (list.contains("--help") || list.contains("-h")) {
            out.println(usage());
            return Command.OK;
        }
        configureLogging(list);
        if (list.isEmpty() || list.get(0).startsWith("--")) {
            try {
                Options options = Options.parse(list, Set.of("data-dir", "role", "server", "baresip", "dial-uri"));
                options.choice("role", UserRole.class);
                String server = options.get("server", null);
                if (server != null && !server.matches("https?://.+")) {
                    throw new Options.UsageException("--server must be an address like http://127.0.0.1:8765, not '"
                            + server + "'");
                }
                String baresip = options.get("baresip", null);
                if (baresip != null && (!baresip.matches("[^:\\s]+:\\d{1,5}")
                        || Integer.parseInt(baresip.substring(baresip.lastIndexOf(':') + 1)) > 65_535)) {
                    throw new Options.UsageException("--baresip takes HOST:PORT of baresip's ctrl_tcp (e.g. "
                            + "127.0.0.1:4444), not '" + baresip + "'");
                }
                String dialUri = options.get("dial-uri", null);
                if (dialUri != null && (baresip == null || !dialUri.contains("{number}"))) {
                    throw new Options.UsageException("--dial-uri goes with --baresip and must contain {number}, e.g. "
                            + "sip:{number}@pbx.example.com");
                }
            } catch (Options.UsageException e) {
                err.println("ringside: " + e.getMessage() + "\n" + usage());
                return Command.USAGE;
            }
            DeskLauncher.launch(list, Main::startEmbeddedMaster);
            return Command.OK;
        }
        String name = list.remove(0);
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                try {
                    return command.run(list, System.in, out, err);
                } catch (Options.UsageException e) {
                    err.println("ringside " + name + ": " + e.getMessage());
                    err.println("usage: ringside " + command.summary());
                    return Command.USAGE;
                }
            }
        }
        err.println("ringside: unknown command '" + name + "'\n" + usage());
        return Command.USAGE;
    }

    private static EmbeddedMasterStarter.Started startEmbeddedMaster(Path dataDirectory) {
        EmbeddedMaster master = EmbeddedMaster.start(dataDirectory, Clock.systemUTC(), DEMO_CUSTOMERS,
                EmbeddedMaster.DEFAULT_PORT);
        Map<String, String> passwords = new HashMap<>();
        for (String user : List.of("agent", "supervisor", "admin")) {
            master.demoPassword(user).ifPresent(password -> passwords.put(user, password));
        }
        return new EmbeddedMasterStarter.Started(master.url(), passwords, master);
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: ringside [--data-dir D] [--server URL] [--role agent|supervisor|admin] [--baresip HOST:PORT [--dial-uri sip:{number}@pbx]]   open the desk\n");
        for (Command command : COMMANDS) {
            text.append("       ringside ").append(command.summary()).append('\n');
        }
        return text.append("The data directory defaults to the OS convention, or ")
                .append(DataDirectory.ENVIRONMENT_VARIABLE).append(".").toString();
    }

    /** Logback reads this property when it starts, so it must be set before the first logger is made. */
    private static void configureLogging(List<String> args) {
        int flag = args.indexOf("--data-dir");
        String dataDir = flag >= 0 && flag + 1 < args.size() ? args.get(flag + 1) : null;
        Path logs = DataDirectory.resolve(dataDir).resolve("logs");
        System.setProperty("ringside.logDir", logs.toString());
    }
}
