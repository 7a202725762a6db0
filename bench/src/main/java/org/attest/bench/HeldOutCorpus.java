package org.attest.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.attest.phiner.Sentence;
import org.attest.phiner.TemplateFiller;

/**
 * The held-out evaluation set: notes of about 500 characters made of held-out template sentences (other templates
 * than training) filled with surrogates from other datafaker locales (British, Australian, Irish, Canadian, Indian
 * English, Dutch, German, Spanish, French, Italian), excluding every name and city the US English lists that training
 * draws from contain, mixed with PHI-free sentences from ACI-Bench notes (training used MTS-Dialog).
 */
final class HeldOutCorpus {

    private static final List<Locale> LOCALES = List.of(
            Locale.forLanguageTag("en-GB"),
            Locale.forLanguageTag("en-AU"),
            Locale.forLanguageTag("en-IE"),
            Locale.forLanguageTag("en-CA"),
            Locale.of("en", "IND"),
            Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("de"),
            Locale.forLanguageTag("es"),
            Locale.forLanguageTag("fr"),
            Locale.forLanguageTag("it"));

    private static final List<String> HOSPITAL_FORMS =
            List.of("%s Infirmary", "%s Royal Hospital", "%s Health System", "%s Hospice", "%s Medical Centre");

    private final Random random;
    private final List<Faker> fakers = new ArrayList<>();
    private final Set<String> trainingNames = new HashSet<>();
    private final List<String> templates;
    private final List<String> professions;
    private final Faker us;

    HeldOutCorpus(long seed, List<String> templates, List<String> professions) {
        this.random = new Random(seed);
        this.templates = templates;
        this.professions = professions;
        for (Locale locale : LOCALES) {
            fakers.add(new Faker(locale, random));
        }
        us = new Faker(Locale.US, new Random(seed + 1));
        // Sample the US English lists far past their size, so that (almost) every training name is excluded.
        for (int i = 0; i < 40_000; i++) {
            trainingNames.add(us.name().firstName().toLowerCase(Locale.ROOT));
            trainingNames.add(us.name().lastName().toLowerCase(Locale.ROOT));
            if (i % 4 == 0) {
                trainingNames.add(us.address().city().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A note of at least {@code chars} characters: PHI sentences, with PHI-free ones mixed in. */
    Sentence note(int chars, List<String> phiFree) {
        Sentence note = new Sentence("", List.of());
        while (note.text().length() < chars) {
            Sentence next = random.nextInt(3) == 0 && !phiFree.isEmpty()
                    ? new Sentence(phiFree.get(random.nextInt(phiFree.size())), List.of())
                    : TemplateFiller.vary(
                            TemplateFiller.fill(
                                    templates.get(random.nextInt(templates.size())), this::value, HeldOutCorpus::label),
                            random);
            note = note.text().isEmpty() ? next : note.then(random.nextInt(4) == 0 ? "\n" : " ", next);
        }
        return note;
    }

    static String label(String slot) {
        return switch (slot) {
            case "RELATIVE" -> "PATIENT";
            case "ORG" -> "ORGANIZATION";
            default -> slot;
        };
    }

    private String value(String slot) {
        Faker f = fakers.get(random.nextInt(fakers.size()));
        return switch (slot) {
            case "PATIENT" ->
                random.nextBoolean() ? fresh(() -> f.name().firstName()) + " " + lastName(f) : lastName(f);
            case "RELATIVE" -> fresh(() -> f.name().firstName());
            case "DOCTOR" ->
                random.nextBoolean() ? lastName(f) : fresh(() -> f.name().firstName()) + " " + lastName(f);
            case "HOSPITAL" -> String.format(HOSPITAL_FORMS.get(random.nextInt(HOSPITAL_FORMS.size())), lastName(f));
            case "ORG" -> f.company().name();
            case "STREET" -> f.address().streetAddress();
            case "CITY" -> fresh(() -> f.address().city());
            case "STATE" -> us.address().state();
            case "PROFESSION" -> professions.get(random.nextInt(professions.size()));
            case "DATE" -> date();
            case "PHONE" ->
                String.format(
                        Locale.ROOT,
                        "(%03d) %03d-%04d",
                        201 + random.nextInt(700),
                        200 + random.nextInt(700),
                        random.nextInt(10_000));
            case "MRN" -> String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
            case "EMAIL" ->
                fresh(() -> f.name().firstName()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "."
                        + random.nextInt(1000) + "@mail.example.org";
            case "SSN" ->
                String.format(
                        Locale.ROOT,
                        "%03d-%02d-%04d",
                        1 + random.nextInt(600),
                        1 + random.nextInt(98),
                        1 + random.nextInt(9998));
            case "AGE" -> Integer.toString(90 + random.nextInt(15));
            case "ZIP" -> String.format(Locale.ROOT, "%05d", 10_000 + random.nextInt(89_999));
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private String lastName(Faker f) {
        return fresh(() -> f.name().lastName());
    }

    /** A surrogate that no training list contains (tries a few draws, then takes the last). */
    private String fresh(Supplier<String> draw) {
        String value = draw.get();
        for (int i = 0; i < 20 && trainingNames.contains(value.toLowerCase(Locale.ROOT)); i++) {
            value = draw.get();
        }
        return value;
    }

    private String date() {
        String[] months = {
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        };
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int year = 1990 + random.nextInt(35);
        return switch (random.nextInt(5)) {
            case 0 -> month + "/" + day + "/" + (year % 100 < 10 ? "0" : "") + year % 100;
            case 1 -> months[month - 1] + " " + day + ", " + year;
            case 2 -> String.format(Locale.ROOT, "%02d-%s-%d", day, months[month - 1].substring(0, 3), year);
            case 3 -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
            default -> months[month - 1] + " " + day + (day == 1 ? "st" : day == 2 ? "nd" : day == 3 ? "rd" : "th");
        };
    }
}
