package org.attest.phiner;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Surrogate PHI for the training corpus from datafaker, seeded: names of patients, relatives and staff, hospitals,
 * organisations, streets, cities, states and professions, half from US English and half from other locales. The
 * evaluation draws its own surrogates from yet other locales and lists.
 */
public final class Surrogates {

    private static final List<String> PROFESSIONS = List.of(
            "teacher",
            "electrician",
            "plumber",
            "truck driver",
            "accountant",
            "farmer",
            "carpenter",
            "mechanic",
            "lawyer",
            "firefighter",
            "police officer",
            "chef",
            "software engineer",
            "cashier",
            "secretary",
            "welder",
            "janitor",
            "pilot",
            "librarian",
            "nurse",
            "dentist",
            "pharmacist",
            "construction worker",
            "barber",
            "hairdresser",
            "waitress",
            "bartender",
            "professor",
            "student",
            "soldier",
            "veterinarian",
            "architect",
            "painter",
            "roofer",
            "miner",
            "fisherman",
            "bus driver",
            "mail carrier",
            "social worker",
            "paramedic",
            "forklift operator",
            "line cook",
            "home health aide",
            "data analyst",
            "real estate agent",
            "insurance adjuster",
            "security guard",
            "landscaper",
            "machinist",
            "dental hygienist",
            "flight attendant",
            "bank teller",
            "graphic designer",
            "journalist",
            "photographer",
            "tailor",
            "baker",
            "butcher",
            "housekeeper",
            "nanny",
            "pastor",
            "sales representative",
            "store manager",
            "warehouse worker",
            "delivery driver",
            "taxi driver",
            "crane operator",
            "bricklayer",
            "pharmacy technician",
            "medical assistant",
            "respiratory therapist",
            "physical therapist",
            "paralegal",
            "chemist",
            "musician",
            "translator",
            "personal trainer",
            "massage therapist",
            "cosmetologist",
            "custodian",
            "sanitation worker",
            "ironworker",
            "rancher",
            "dairy farmer",
            "school counselor",
            "day care worker",
            "correctional officer",
            "postal clerk",
            "seamstress");

    private static final List<String> HOSPITAL_SUFFIXES = List.of(
            "Hospital",
            "Medical Center",
            "General Hospital",
            "Regional Medical Center",
            "Memorial Hospital",
            "Community Hospital",
            "Health Center",
            "Clinic",
            "University Hospital",
            "Children's Hospital",
            "Valley Hospital",
            "Surgical Center",
            "Cancer Institute",
            "Rehabilitation Hospital",
            "Behavioral Health",
            "Family Health Center",
            "Veterans Affairs Medical Center",
            "Heart Institute",
            "Women's Hospital",
            "Specialty Hospital");

    /**
     * Other locales for half of the names, places and companies, so that the model learns name shapes beyond US
     * English. None of them is a locale the held-out evaluation draws from (bench's {@code HeldOutCorpus}).
     */
    private static final List<Locale> OTHER_LOCALES = List.of(
            Locale.forLanguageTag("pt-BR"),
            Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("cs"),
            Locale.forLanguageTag("fi-FI"),
            Locale.forLanguageTag("nb-NO"),
            Locale.forLanguageTag("da-DK"),
            Locale.forLanguageTag("tr"),
            Locale.forLanguageTag("id"),
            Locale.forLanguageTag("hr"),
            Locale.forLanguageTag("en-NG"),
            Locale.forLanguageTag("en-UG"),
            Locale.forLanguageTag("en-PAK"));

    private final Faker us;
    private final List<Faker> others;
    private final Random random;

    public Surrogates(Random random) {
        this.random = random;
        this.us = new Faker(Locale.US, random);
        this.others = OTHER_LOCALES.stream().map(l -> new Faker(l, random)).toList();
    }

    /** US English or, as often, one of the other locales. */
    private Faker faker() {
        return random.nextBoolean() ? us : others.get(random.nextInt(others.size()));
    }

    /** A value for a template slot. */
    public String value(String slot) {
        return switch (slot) {
            case "PATIENT" -> patient();
            case "RELATIVE" -> faker().name().firstName();
            case "DOCTOR" -> doctor();
            case "HOSPITAL" -> hospital();
            case "ORG" -> faker().company().name();
            case "STREET" -> street();
            case "CITY" -> faker().address().city();
            case "STATE" ->
                random.nextInt(3) == 0 ? us.address().stateAbbr() : us.address().state();
            case "PROFESSION" ->
                random.nextInt(3) > 0
                        ? PROFESSIONS.get(random.nextInt(PROFESSIONS.size()))
                        : us.job().title().toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    /** The label a slot's value gets. */
    public static String label(String slot) {
        return switch (slot) {
            case "RELATIVE" -> "PATIENT";
            case "ORG" -> "ORGANIZATION";
            default -> slot;
        };
    }

    private String patient() {
        Faker f = faker();
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> f.name().firstName() + " " + f.name().lastName();
            case 4, 5 -> f.name().lastName();
            case 6 -> f.name().firstName();
            default ->
                f.name().firstName() + " " + (char) ('A' + random.nextInt(26)) + ". "
                        + f.name().lastName();
        };
    }

    private String doctor() {
        Faker f = faker();
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> f.name().lastName();
            case 5, 6, 7, 8 -> f.name().firstName() + " " + f.name().lastName();
            default -> (char) ('A' + random.nextInt(26)) + ". " + f.name().lastName();
        };
    }

    private String hospital() {
        Faker f = faker();
        String suffix = HOSPITAL_SUFFIXES.get(random.nextInt(HOSPITAL_SUFFIXES.size()));
        return switch (random.nextInt(4)) {
            case 0 -> f.name().lastName() + " " + suffix;
            case 1 -> f.address().city() + " " + suffix;
            case 2 -> "St. " + f.name().firstName() + "'s " + suffix;
            default -> f.name().lastName() + " " + f.name().lastName() + " " + suffix;
        };
    }

    /** A street address, now and then with its unit ({@code Apt. 4}) as datafaker writes it. */
    private String street() {
        Faker f = faker();
        return random.nextInt(5) == 0
                ? f.address().streetAddress(true)
                : f.address().streetAddress();
    }
}
