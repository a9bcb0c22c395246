package dev.martello.marts.demodata;

import java.util.Locale;
import java.util.SplittableRandom;

import static dev.martello.marts.demodata.Draw.oneOf;

/** Handles, e-mail addresses, store names, titles and search queries. E-mail domains are reserved example domains. */
final class Names {
    private static final String[] FIRST = {"alex", "maya", "sam", "jordan", "lena", "noah", "priya", "leo", "zoe",
        "omar", "ivy", "kai", "nina", "theo", "ruby", "eli", "sofia", "marco", "hana", "felix", "aria", "luca",
        "emma", "yuki", "diego", "chloe", "finn", "ines", "jack", "mila"};
    private static final String[] HOBBY = {"cards", "slabs", "kicks", "pulls", "breaks", "vault", "grails", "hobby",
        "packs", "mint", "flips", "drops", "toys", "comics", "coins", "retro"};
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example"};
    private static final String[] STORE_ADJ = {"Golden", "Mint", "Prime", "Lucky", "Midnight", "Graded", "Vintage",
        "Rapid", "Stellar", "Iron", "Neon", "Royal", "Hidden", "Urban", "Classic", "Wild"};
    private static final String[] STORE_NOUN = {"Vault", "Breaks", "Collectibles", "Cards", "Kicks", "Treasures",
        "Pulls", "Emporium", "Shop", "Exchange", "Den", "Hub", "Finds", "Co."};
    private static final String[] SHOW_OPENERS = {"$1 Start", "Late Night", "Friday Night", "Sunday Funday",
        "No Reserve", "Mystery", "Grail Hunt", "Big Hits", "Rip & Ship", "Fresh Drops"};
    private static final String[] SHOW_FORMATS = {"Auctions", "Breaks", "Giveaways & Auctions", "Pack Openings",
        "Live Sale", "Bid Wars"};
    private static final String[] QUALIFIERS = {"Sealed", "Near Mint", "Lot of 5", "Rare", "Limited", "", ""};
    private static final String[] GRADES = {"PSA 10", "PSA 9", "BGS 9.5", "CGC 9.8"};

    private Names() {
    }

    /** A handle; the id keeps it unique. */
    static String username(SplittableRandom r, long userId) {
        return oneOf(r, FIRST) + "_" + oneOf(r, HOBBY) + userId;
    }

    /** The handle at an example domain, sometimes typed with capitals (the mart lower-cases it). */
    static String email(SplittableRandom r, String username) {
        String email = username + "@" + oneOf(r, DOMAINS);
        return Draw.chance(r, 0.08) ? Character.toUpperCase(email.charAt(0)) + email.substring(1)
            .replace("@example", "@Example") : email;
    }

    static String storeName(SplittableRandom r, int topCategory) {
        String noun = Draw.chance(r, 0.5) ? Categories.topName(topCategory).split(" ")[0] + " " + oneOf(r, STORE_NOUN)
            : oneOf(r, STORE_NOUN);
        return oneOf(r, STORE_ADJ) + " " + noun;
    }

    static String showTitle(SplittableRandom r, Categories.Category category) {
        return oneOf(r, SHOW_OPENERS) + " " + category.name() + " " + oneOf(r, SHOW_FORMATS);
    }

    static String productTitle(SplittableRandom r, Categories.Category category, String condition) {
        String item = oneOf(r, category.items());
        String qualifier = oneOf(r, condition.equals("graded") ? GRADES : QUALIFIERS);
        return qualifier.isEmpty() ? item : item + " " + qualifier;
    }

    /** A search query: part of an item name, lower-case. */
    static String query(SplittableRandom r, Categories.Category category) {
        String[] words = oneOf(r, category.items()).toLowerCase(Locale.ROOT).split(" ");
        int n = 1 + r.nextInt(Math.min(3, words.length));
        return String.join(" ", java.util.Arrays.copyOf(words, n));
    }

    /** JSON text of string and number properties given as name, value pairs; null without properties. */
    static String json(Object... pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('"').append(pairs[i]).append("\": ");
            Object v = pairs[i + 1];
            if (v instanceof String s) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
