package dev.martello.marts.demodata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed two-level category tree. Top-level ids are 1–8, a child's id is ten times its parent's plus a number.
 * Each child has a typical price and the items its products and show titles are made of.
 */
final class Categories {

    /** A category; {@code parent} is 0 for a top-level one, whose price and items are unused. */
    record Category(int id, String name, int parent, double typicalPriceUsd, String[] items) {
    }

    private static final List<Category> ALL = new ArrayList<>();
    /** Indexes into {@link #TOPS}, weighted by how many sellers and shows each top-level category has. */
    private static final Weights TOP_POPULARITY = new Weights(30, 24, 12, 10, 6, 8, 4, 6);
    private static final List<Category> TOPS = new ArrayList<>();
    private static final List<List<Category>> CHILDREN = new ArrayList<>();

    static {
        top(1, "Trading Cards");
        child(11, "Pokémon", 45, "Charizard ex", "Pikachu VMAX", "Umbreon VMAX Alt Art", "151 Booster Bundle",
            "Evolving Skies Elite Trainer Box", "Mew ex Special Illustration Rare");
        child(12, "Magic: The Gathering", 30, "Black Lotus Proxy Lot", "Sheoldred, the Apocalypse",
            "Commander Masters Collector Booster", "The One Ring", "Dual Land Bundle");
        child(13, "Yu-Gi-Oh!", 20, "Blue-Eyes White Dragon", "Dark Magician Girl", "25th Anniversary Tin",
            "Ash Blossom & Joyous Spring");
        child(14, "One Piece", 25, "Monkey D. Luffy Leader", "Romance Dawn Booster Box", "Shanks Alt Art",
            "Nami Parallel");
        top(2, "Sports Cards");
        child(21, "Baseball Cards", 60, "Shohei Ohtani Topps Chrome", "Mike Trout Bowman", "Topps Series 1 Hobby Box",
            "Ken Griffey Jr. Upper Deck Rookie");
        child(22, "Basketball Cards", 80, "Victor Wembanyama Prizm", "LeBron James Optic", "Panini Prizm Blaster",
            "Caitlin Clark Rookie");
        child(23, "Football Cards", 55, "C.J. Stroud Donruss", "Patrick Mahomes Select", "Panini Mosaic Hobby Box",
            "Tom Brady Contenders Auto");
        child(24, "Soccer Cards", 40, "Jude Bellingham Topps", "Lionel Messi Prizm", "Erling Haaland Chrome",
            "UEFA Club Competitions Box");
        top(3, "Sneakers");
        child(31, "Jordan", 220, "Air Jordan 1 Chicago", "Air Jordan 4 Bred", "Air Jordan 11 Concord",
            "Air Jordan 3 White Cement");
        child(32, "Nike Dunk", 160, "Dunk Low Panda", "Dunk Low Travis Scott", "SB Dunk Low Jarritos");
        child(33, "Yeezy", 240, "Yeezy Boost 350 Zebra", "Yeezy Slide Onyx", "Yeezy 700 Wave Runner");
        child(34, "New Balance", 130, "New Balance 550 White Green", "New Balance 990v6", "New Balance 2002R");
        top(4, "Toys & Collectibles");
        child(41, "Funko Pop!", 25, "Funko Pop! Chase Variant", "Funko Pop! Convention Exclusive",
            "Funko Pop! Marvel Set");
        child(42, "LEGO", 90, "LEGO Star Wars UCS Set", "LEGO Technic Supercar", "LEGO Minifigure Lot");
        child(43, "Action Figures", 35, "Marvel Legends Figure", "Star Wars Black Series", "Vintage G.I. Joe");
        top(5, "Comics");
        child(51, "Marvel Comics", 30, "Amazing Spider-Man #300", "X-Men #1", "Venom Key Issue Lot");
        child(52, "DC Comics", 25, "Batman #423", "Detective Comics Key", "Absolute Batman #1");
        child(53, "Manga", 15, "One Piece Vol. 1 First Print", "Chainsaw Man Box Set", "Dragon Ball Vol. 1");
        top(6, "Fashion");
        child(61, "Streetwear", 70, "Supreme Box Logo Hoodie", "Stüssy Tee", "Palace Tri-Ferg Crew");
        child(62, "Vintage Clothing", 45, "Vintage Band Tee", "90s Varsity Jacket", "Single-Stitch Tee Lot");
        child(63, "Handbags", 400, "Louis Vuitton Speedy 30", "Coach Tabby Bag", "Gucci Marmont Mini");
        top(7, "Coins & Money");
        child(71, "Coins", 80, "Morgan Silver Dollar", "Walking Liberty Half", "Proof Set");
        child(72, "Bullion", 350, "1 oz Silver Eagle", "1 oz Gold Maple Leaf", "10 oz Silver Bar");
        top(8, "Video Games");
        child(81, "Retro Games", 45, "Pokémon Red CIB", "Super Mario 64 Sealed", "Zelda Ocarina of Time");
        child(82, "Consoles", 180, "Nintendo 64 Console", "Game Boy Color", "PlayStation 2 Slim Bundle");
    }

    private Categories() {
    }

    /** Writes the tree; it was last replicated at two in the morning of the last day. */
    static void write(Loader out, Timeline time) throws SQLException {
        var loaded = Timeline.time(time.dayStart(time.days - 1) + 2 * Timeline.HOUR);
        for (Category c : ALL) {
            out.row(RawTables.CATEGORIES, c.id(), c.name(), c.parent() == 0 ? null : c.parent(), loaded);
        }
    }

    /** The index of a top-level category, popular ones more often. */
    static int randomTop(SplittableRandom r) {
        return TOP_POPULARITY.pick(r);
    }

    /** A child of the top-level category at {@code topIndex}. */
    static Category childOf(SplittableRandom r, int topIndex) {
        List<Category> kids = CHILDREN.get(topIndex);
        return kids.get(r.nextInt(kids.size()));
    }

    static Category byId(int id) {
        for (Category c : ALL) {
            if (c.id() == id) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + id);
    }

    static String topName(int topIndex) {
        return TOPS.get(topIndex).name();
    }

    private static void top(int id, String name) {
        Category c = new Category(id, name, 0, 0, new String[0]);
        ALL.add(c);
        TOPS.add(c);
        CHILDREN.add(new ArrayList<>());
    }

    private static void child(int id, String name, double price, String... items) {
        Category c = new Category(id, name, id / 10, price, items);
        ALL.add(c);
        CHILDREN.get(TOPS.size() - 1).add(c);
    }
}
