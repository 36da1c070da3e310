package com.ringside.demo;

import java.time.ZoneId;
import java.util.List;

/** Where demo customers live: their zone, how their numbers look, and names common there. */
enum DemoRegion {
    US_EAST("America/New_York", "+1", List.of("212", "718", "617", "305"), "23456789", 10, Names.US_GIVEN, Names.US_FAMILY),
    US_CENTRAL("America/Chicago", "+1", List.of("312", "214", "612"), "23456789", 10, Names.US_GIVEN, Names.US_FAMILY),
    US_PACIFIC("America/Los_Angeles", "+1", List.of("415", "213", "206"), "23456789", 10, Names.US_GIVEN, Names.US_FAMILY),
    CANADA("America/Toronto", "+1", List.of("416", "613", "514"), "23456789", 10, Names.US_GIVEN, Names.US_FAMILY),
    UK("Europe/London", "+44", List.of("20", "161", "131"), "378", 10, Names.UK_GIVEN, Names.UK_FAMILY),
    FRANCE("Europe/Paris", "+33", List.of("1", "4", "6"), "124", 9, Names.FR_GIVEN, Names.FR_FAMILY);

    final ZoneId zone;
    final String countryCode;
    final List<String> areaCodes;
    /** Digits a subscriber number may start with after the area code: the others are unassigned. */
    final String subscriberStarts;
    final int nationalLength;
    final List<String> givenNames;
    final List<String> familyNames;

    DemoRegion(String zone, String countryCode, List<String> areaCodes, String subscriberStarts, int nationalLength,
               List<String> givenNames, List<String> familyNames) {
        this.zone = ZoneId.of(zone);
        this.countryCode = countryCode;
        this.areaCodes = areaCodes;
        this.subscriberStarts = subscriberStarts;
        this.nationalLength = nationalLength;
        this.givenNames = givenNames;
        this.familyNames = familyNames;
    }

    private static final class Names {
        static final List<String> US_GIVEN = List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer",
                "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
                "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty",
                "Mark", "Sandra", "Luis", "Ashley", "Kevin", "Emily", "Brian", "Michelle", "Wei", "Priya", "Omar",
                "Grace", "Hiroshi", "Fatima", "Andrew", "Laura", "Joshua", "Rachel", "Ryan", "Megan", "Jacob", "Hannah",
                "Nicholas", "Olivia", "Tyler", "Samantha", "Aaron", "Rebecca", "Diego", "Sofia", "Ethan", "Natalie",
                "Marcus", "Chloe", "Adrian", "Victoria", "Jamal", "Alicia", "Raj", "Mei", "Tariq", "Ingrid", "Pedro",
                "Keiko", "Dmitri", "Amara");
        static final List<String> US_FAMILY = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
                "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
                "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
                "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
                "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
                "Campbell", "Mitchell", "Carter", "Roberts", "Chen", "Patel", "Kim", "O'Brien", "Tremblay", "Gagnon",
                "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook",
                "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward",
                "Cox", "Diaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz",
                "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan",
                "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson",
                "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "Okafor",
                "Nakamura", "Kowalski", "Larsen", "Haddad", "Singh", "Wong", "Bouchard", "Côté");
        static final List<String> UK_GIVEN = List.of("Oliver", "Olivia", "George", "Amelia", "Harry", "Isla",
                "Jack", "Ava", "Charlie", "Emily", "Thomas", "Sophie", "Oscar", "Grace", "William", "Lily", "James",
                "Freya", "Alfie", "Ella", "Arjun", "Aisha", "Noah", "Poppy", "Leo", "Evie", "Archie", "Millie", "Henry",
                "Rosie", "Theo", "Florence", "Finley", "Daisy", "Mohammed", "Zara", "Rory", "Niamh", "Callum", "Eilidh");
        static final List<String> UK_FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
                "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
                "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Khan", "Singh", "Murphy", "MacDonald",
                "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Harrison", "Morgan", "Baker",
                "Patel", "Young", "Allen", "Mitchell", "Anderson", "Lee", "Bell", "Kelly", "Campbell", "Stewart",
                "Scott", "Reid", "Ahmed", "Begum", "Price", "Jenkins", "Lloyd", "Fraser", "Ross");
        static final List<String> FR_GIVEN = List.of("Gabriel", "Jade", "Léo", "Louise", "Raphaël", "Emma",
                "Arthur", "Ambre", "Louis", "Alice", "Jules", "Rose", "Hugo", "Chloé", "Lucas", "Léa", "Adam",
                "Manon", "Noé", "Inès", "Mathis", "Zoé", "Élodie", "François", "Nathan", "Camille", "Tom", "Lina",
                "Paul", "Clara", "Victor", "Anna", "Sacha", "Eva", "Maxime", "Julie", "Antoine", "Margaux", "Yanis",
                "Sarah", "Karim", "Nour", "Théo", "Mila");
        static final List<String> FR_FAMILY = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
                "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
                "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
                "Vincent", "Muller", "Lefebvre", "Faure", "Andre", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier",
                "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clement", "Morin",
                "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont",
                "Marie", "Lemaire", "Noel", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly");
    }
}
