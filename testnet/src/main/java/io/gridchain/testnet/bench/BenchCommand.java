package io.gridchain.testnet.bench;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure a node or a network under load.",
        subcommands = {DevThroughputBench.class, RegistryBench.class, TestnetBench.class, OverloadBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--testnet", paramLabel = "DIR", description = "Same as 'bench testnet --dir DIR'.")
    Path testnet;

    @Option(names = "--duration", defaultValue = "60", description = "With --testnet: seconds of load (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--warmup", defaultValue = "60",
            description = "With --testnet: seconds of warm-up load before the measured duration (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--senders", defaultValue = "2000", description = "With --testnet: distinct senders (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--rate", defaultValue = "1500", description = "With --testnet: transfers/s offered (default: ${DEFAULT-VALUE}).")
    int rate;

    @Override
    public void run() {
        if (testnet == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return;
        }
        try {
            TestnetBench.of(testnet, warmup, duration, senders, rate, spec).call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
