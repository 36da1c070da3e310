package com.ringside.app;

import com.ringside.cache.DataDirectory;
import com.ringside.cache.OwnerOnly;
import com.ringside.cli.AuditCommand;
import com.ringside.cli.Command;
import com.ringside.cli.DecideCommand;
import com.ringside.cli.DemoDataCommand;
import com.ringside.cli.ImportCommand;
import com.ringside.cli.MergesCommand;
import com.ringside.cli.Options;
import com.ringside.cli.ServerCommand;
import com.ringside.cli.SyncCommand;
import com.ringside.cli.UsersCommand;
import com.ringside.cti.CallerId;
import com.ringside.cti.DeskEndpoint;
import com.ringside.cti.LoopbackPopServer;
import com.ringside.desktop.DeskLauncher;
import com.ringside.desktop.EmbeddedMasterStarter;
import com.ringside.server.EmbeddedMaster;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import com.ringside.domain.UserRole;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** `ringside [command] [options]`: with no command, opens the desk. */
public final class Main {
    /** The exit code when this computer cannot show the desk (no GTK 3, no display). */
    static final int NO_DISPLAY = 3;
    private static final int DEMO_CUSTOMERS = 2_000;
    private static final Set<String> DESK_OPTIONS = Set.of("data-dir", "role", "server", "baresip", "dial-uri",
            "pop-port", "open", "ring");
    private static final List<Command> COMMANDS = List.of(new DemoDataCommand(), new DecideCommand(),
            new ServerCommand(), new UsersCommand(), new ImportCommand(), new MergesCommand(), new AuditCommand(),
            new SyncCommand());

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
        if (!list.isEmpty() && (list.get(0).equals("pop") || isLink(list.get(0)))) {
            return handOver(list, out, err);
        }
        if (list.isEmpty() || list.get(0).startsWith("--")) {
            Path dataDirectory;
            try {
                Options options = Options.parse(list, DESK_OPTIONS);
                options.intValue("pop-port", DeskEndpoint.DEFAULT_PORT, 1, 65_535);
                dataDirectory = DataDirectory.resolve(options.get("data-dir", null));
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
            if (!SingleDesk.claim(dataDirectory)) {
                return SingleDesk.handOver(dataDirectory, LoopbackPopServer.FRONT, Map.of(),
                        "Ringside is already open for " + dataDirectory + "; it was brought to the front.", out, err);
            }
            return DeskLauncher.launch(list, Main::startEmbeddedMaster, err) ? Command.OK : NO_DISPLAY;
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

    private static boolean isLink(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return lower.startsWith("tel:") || lower.startsWith("callto:");
    }

    /**
     * {@code ringside pop NUMBER …} and {@code ringside tel:…}: hands the number to the desk open on this data
     * directory, or opens the desk with it when none is.
     */
    private static int handOver(List<String> list, PrintStream out, PrintStream err) {
        String first = list.remove(0);
        boolean link = isLink(first);
        String number;
        Options options;
        try {
            if (!link && (list.isEmpty() || list.get(0).startsWith("--"))) {
                throw new Options.UsageException("pop needs the caller's number, e.g. ringside pop +14155550123");
            }
            String raw = link ? URLDecoder.decode(first.replace("+", "%2B"), StandardCharsets.UTF_8) : list.remove(0);
            number = CallerId.numberIn(raw).orElse(link ? "" : raw.strip());
            if (link && number.isEmpty()) {
                throw new Options.UsageException("'" + first + "' holds no phone number");
            }
            options = Options.parse(list, link ? Set.of("data-dir") : Set.of("data-dir", "call-id", "state", "direction"));
            if (!Set.of("ringing", "answered", "ended").contains(options.get("state", "ringing"))) {
                throw new Options.UsageException("--state must be ringing, answered or ended");
            }
            if (!Set.of("inbound", "outbound").contains(options.get("direction", "inbound"))) {
                throw new Options.UsageException("--direction must be inbound or outbound");
            }
        } catch (Options.UsageException | IllegalArgumentException e) {
            err.println("ringside: " + e.getMessage() + "\nusage: ringside pop NUMBER [--call-id ID] [--state "
                    + "ringing|answered|ended] [--direction inbound|outbound] [--data-dir D]\n       ringside tel:NUMBER");
            return Command.USAGE;
        }
        Path dataDirectory = DataDirectory.resolve(options.get("data-dir", null));
        String state = options.get("state", "ringing");
        String direction = options.get("direction", "inbound");
        if (SingleDesk.claim(dataDirectory)) {
            if (!link && !(state.equals("ringing") && direction.equals("inbound"))) {
                err.println("ringside: no desk is open for " + dataDirectory + ", so there is no call to update.");
                return 1;
            }
            List<String> desk = new ArrayList<>(List.of(link ? "--open" : "--ring", number));
            options.ifPresent("data-dir", value -> desk.addAll(List.of("--data-dir", value)));
            return DeskLauncher.launch(desk, Main::startEmbeddedMaster, err) ? Command.OK : NO_DISPLAY;
        }
        if (link) {
            return SingleDesk.handOver(dataDirectory, LoopbackPopServer.OPEN, Map.of("number", number),
                    "the desk shows " + number + ".", out, err);
        }
        Map<String, String> call = new HashMap<>(Map.of("number", number, "state", state, "direction", direction));
        options.ifPresent("call-id", value -> call.put("callId", value));
        return SingleDesk.handOver(dataDirectory, LoopbackPopServer.CALLS, call, "the desk has the call from "
                + number + ".", out, err);
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
        StringBuilder text = new StringBuilder("usage: ringside [--data-dir D] [--server URL] [--role agent|supervisor|admin] [--baresip HOST:PORT [--dial-uri sip:{number}@pbx]] [--pop-port N]   open the desk\n");
        text.append("       ringside pop NUMBER [--call-id ID] [--state ringing|answered|ended] [--direction inbound|outbound]   pop a call on the open desk\n");
        text.append("       ringside tel:NUMBER | callto:NUMBER   show who has a number (a link)\n");
        for (Command command : COMMANDS) {
            text.append("       ringside ").append(command.summary()).append('\n');
        }
        return text.append("The data directory defaults to the OS convention, or ")
                .append(DataDirectory.ENVIRONMENT_VARIABLE).append(".").toString();
    }

    /**
     * Logback reads this property when it starts, so it must be set before the first logger is made. The data
     * directory is made here, closed to other users, before Logback makes it for its logs with the default
     * permissions.
     */
    private static void configureLogging(List<String> args) {
        int flag = args.indexOf("--data-dir");
        String dataDir = flag >= 0 && flag + 1 < args.size() ? args.get(flag + 1) : null;
        Path data = DataDirectory.resolve(dataDir);
        try {
            OwnerOnly.createDirectory(data);
        } catch (IOException e) {
            // The command that needs the directory says why it cannot have it.
        }
        System.setProperty("ringside.logDir", data.resolve("logs").toString());
    }
}
