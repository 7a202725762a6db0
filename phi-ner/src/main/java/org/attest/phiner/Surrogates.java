package org.attest.phiner;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Surrogate PHI for the training corpus from datafaker (US English), seeded: names of patients, relatives and staff,
 * hospitals, organisations, streets, cities, states and professions. The evaluation draws its own surrogates from
 * other locales and lists.
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
            "paramedic");

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
            "Children's Hospital");

    private final Faker faker;
    private final Random random;

    public Surrogates(Random random) {
        this.random = random;
        this.faker = new Faker(Locale.US, random);
    }

    /** A value for a template slot. */
    public String value(String slot) {
        return switch (slot) {
            case "PATIENT" -> patient();
            case "RELATIVE" -> faker.name().firstName();
            case "DOCTOR" -> doctor();
            case "HOSPITAL" -> hospital();
            case "ORG" -> faker.company().name();
            case "STREET" -> faker.address().streetAddress();
            case "CITY" -> faker.address().city();
            case "STATE" ->
                random.nextInt(3) == 0
                        ? faker.address().stateAbbr()
                        : faker.address().state();
            case "PROFESSION" ->
                random.nextBoolean()
                        ? PROFESSIONS.get(random.nextInt(PROFESSIONS.size()))
                        : faker.job().title().toLowerCase(Locale.ROOT);
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
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> faker.name().firstName() + " " + faker.name().lastName();
            case 4, 5 -> faker.name().lastName();
            case 6 -> faker.name().firstName();
            default ->
                faker.name().firstName() + " " + (char) ('A' + random.nextInt(26)) + ". "
                        + faker.name().lastName();
        };
    }

    private String doctor() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> faker.name().lastName();
            case 5, 6, 7, 8 -> faker.name().firstName() + " " + faker.name().lastName();
            default -> (char) ('A' + random.nextInt(26)) + ". " + faker.name().lastName();
        };
    }

    private String hospital() {
        String suffix = HOSPITAL_SUFFIXES.get(random.nextInt(HOSPITAL_SUFFIXES.size()));
        return switch (random.nextInt(4)) {
            case 0 -> faker.name().lastName() + " " + suffix;
            case 1 -> faker.address().city() + " " + suffix;
            case 2 -> "St. " + faker.name().firstName() + "'s " + suffix;
            default -> faker.name().lastName() + " " + faker.name().lastName() + " " + suffix;
        };
    }
}
