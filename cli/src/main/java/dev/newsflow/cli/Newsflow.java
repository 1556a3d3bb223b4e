package dev.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command. {@code main} only wires: each subcommand builds what it needs. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Event-streaming news ingestion on Apache Kafka: publish, dedupe, enrich, group into stories, store.",
        subcommands = {RunCommand.class, BrokerCommand.class, ProduceCommand.class, StageCommand.Dedupe.class,
                StageCommand.Enrich.class, StageCommand.Stories.class, StageCommand.Store.class, ServeCommand.class, AnnotateCommand.class, StoriesCommand.class, DlqCommand.class, ReplayCommand.class,
                ConfigCommand.class,
                ConsumeCommand.class, IngestCommand.class, ExtractCommand.class, CommandLine.HelpCommand.class})
public final class Newsflow {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Newsflow());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("error: " + oneLine(error));
            org.slf4j.LoggerFactory.getLogger(Newsflow.class).debug("command failed", error);
            return 1;
        });
        return commandLine;
    }

    /** The message of the root cause, on one line; what a user needs to act, without a stack trace. */
    static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replace('\n', ' ');
    }
}
