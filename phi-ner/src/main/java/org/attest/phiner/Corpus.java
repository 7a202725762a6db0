package org.attest.phiner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The synthetic training corpus: filled templates, a quarter of them joined to a PHI-free carrier sentence before or
 * after (so PHI appears at every position), and carrier sentences alone (what must stay {@code O}).
 */
final class Corpus {

    private final List<String> templates;
    private final List<String> carriers;
    private final Random random;
    private final Surrogates surrogates;
    private int nextCarrier;

    Corpus(List<String> templates, List<String> carriers, Random random) {
        this.templates = templates;
        this.carriers = carriers;
        this.random = random;
        this.surrogates = new Surrogates(random);
    }

    List<Sentence> generate(int templated, int carrierOnly) {
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < templated; i++) {
            String template = templates.get(random.nextInt(templates.size()));
            Sentence filled =
                    TemplateFiller.vary(TemplateFiller.fill(template, surrogates::value, Surrogates::label), random);
            if (!carriers.isEmpty() && random.nextInt(4) == 0) {
                Sentence carrier = new Sentence(carrier(), List.of());
                filled = random.nextBoolean() ? carrier.then(" ", filled) : filled.then(" ", carrier);
            }
            sentences.add(filled);
        }
        for (int i = 0; i < carrierOnly && !carriers.isEmpty(); i++) {
            sentences.add(TemplateFiller.vary(new Sentence(carrier(), List.of()), random));
        }
        return sentences;
    }

    private String carrier() {
        String carrier = carriers.get(nextCarrier % carriers.size());
        nextCarrier++;
        return carrier;
    }
}
