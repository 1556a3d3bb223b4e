package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.ner.CrfModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Drops from a model the features whose every weight is smaller than a threshold in magnitude:
 * {@code PruneCrf <in.crf> <out.crf> <min-weight>}. Prints how many features are kept.
 */
public final class PruneCrf {

    private PruneCrf() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PruneCrf <in.crf> <out.crf> <min-weight>");
            System.exit(2);
        }
        CrfModel model;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            model = CrfModel.read(in);
        }
        CrfModel pruned = model.pruned(Float.parseFloat(args[2]));
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            pruned.write(out);
        }
        System.out.printf(Locale.ROOT, "%d of %d features kept, %.2f MB%n", pruned.featureWeights().size(),
                model.featureWeights().size(), Files.size(Path.of(args[1])) / 1e6);
    }
}
