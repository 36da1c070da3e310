package com.ringside.cli;

import com.ringside.ingest.ImportException;
import com.ringside.ingest.ImportReport;
import com.ringside.ingest.Importer;
import com.ringside.ingest.SourceMapping;
import com.ringside.server.MasterException;
import com.ringside.server.MasterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * `ringside import`: one source system's extract into the master, with a report file beside the extract. The
 * mapping is --mapping, else SYSTEM.mapping.json (lower case) beside the extract.
 */
public final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import --system NAME --file F [--mapping M] [--report R] [--data-dir D | --db jdbc:postgresql://…]";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("system", "file", "mapping", "report", "data-dir", "db"));
        String system = options.get("system", null);
        String fileName = options.get("file", null);
        if (system == null || fileName == null) {
            throw new Options.UsageException("--system and --file are required");
        }
        Path file = Path.of(fileName);
        if (!Files.isRegularFile(file)) {
            throw new Options.UsageException("--file: " + file + " is not a file");
        }
        Path mappingFile = Path.of(options.get("mapping", file.toAbsolutePath().resolveSibling(
                system.toLowerCase(Locale.ROOT) + ".mapping.json").toString()));
        if (!Files.isRegularFile(mappingFile)) {
            throw new Options.UsageException("no mapping for " + system + ": give --mapping, or put "
                    + mappingFile.getFileName() + " beside the extract");
        }
        Path reportFile = Path.of(options.get("report", file + ".report.txt"));
        try {
            SourceMapping mapping = SourceMapping.read(mappingFile);
            if (!mapping.system().equals(system)) {
                throw new Options.UsageException("--system " + system + " but the mapping " + mappingFile
                        + " is for " + mapping.system());
            }
            ImportReport report;
            try (MasterStore store = MasterOptions.store(options, Clock.systemUTC())) {
                report = new Importer(store.directory()).run(mapping, file, Clock.systemUTC().instant());
            }
            Files.writeString(reportFile, report.text(), StandardCharsets.UTF_8);
            out.print(report.text().lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
            out.println("Report: " + reportFile);
            return OK;
        } catch (ImportException e) {
            err.println("ringside import: " + e.getMessage());
            return USAGE;
        } catch (MasterException e) {
            err.println("ringside import: " + e.getMessage() + " Nothing was imported.");
            return FAILED;
        } catch (IOException e) {
            err.println("ringside import: the report " + reportFile + " cannot be written: " + e.getMessage()
                    + " (the import itself was stored)");
            return FAILED;
        }
    }
}
