package org.attest.phiner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The synthetic training corpus: snippets of one to three sentences as notes run on (a filled template, then filled
 * templates or PHI-free carrier sentences before or after it, joined by a blank or a line break), since the served
 * model reads a whole note in one window; and carrier sentences alone or in pairs (what must stay {@code O}).
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
            Sentence snippet = filled();
            for (int more = random.nextInt(3); more > 0; more--) {
                Sentence next = !carriers.isEmpty() && random.nextBoolean() ? carrierSentence() : filled();
                snippet = random.nextBoolean() ? next.then(separator(), snippet) : snippet.then(separator(), next);
            }
            sentences.add(snippet);
        }
        for (int i = 0; i < carrierOnly && !carriers.isEmpty(); i++) {
            Sentence alone = carrierSentence();
            sentences.add(random.nextInt(3) == 0 ? alone.then(separator(), carrierSentence()) : alone);
        }
        return sentences;
    }

    private Sentence filled() {
        String template = templates.get(random.nextInt(templates.size()));
        return TemplateFiller.vary(TemplateFiller.fill(template, surrogates::value, Surrogates::label), random);
    }

    private Sentence carrierSentence() {
        return TemplateFiller.vary(new Sentence(carrier(), List.of()), random);
    }

    private String separator() {
        return random.nextInt(4) == 0 ? "\n" : " ";
    }

    private String carrier() {
        String carrier = carriers.get(nextCarrier % carriers.size());
        nextCarrier++;
        return carrier;
    }
}
