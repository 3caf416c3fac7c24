import type { Random } from './random';

/** Buyer countries with the currency their orders are paid in and how common they are. */
export const BUYER_COUNTRIES = [
    { country: 'RU', currency: 'RUB', weight: 28 },
    { country: 'US', currency: 'USD', weight: 15 },
    { country: 'DE', currency: 'EUR', weight: 7 },
    { country: 'FR', currency: 'EUR', weight: 5 },
    { country: 'ES', currency: 'EUR', weight: 5 },
    { country: 'IT', currency: 'EUR', weight: 4 },
    { country: 'JP', currency: 'JPY', weight: 11 },
    { country: 'GB', currency: 'GBP', weight: 6 },
    { country: 'KZ', currency: 'KZT', weight: 7 },
    { country: 'BR', currency: 'BRL', weight: 12 },
] as const;

export type BuyerCountry = (typeof BUYER_COUNTRIES)[number];

interface People {
    first: string[];
    last: string[];
    /** Where surnames take the first name's gender: which first names are women's, and the female form. */
    gendered?: { women: readonly string[]; femaleSurname: (male: string) => string };
}

/** Russian and Kazakh surnames in -ov/-ev/-in are the male forms; women's take an -a. */
const SLAVIC_SURNAMES = { femaleSurname: (male: string) => `${male}a` };

const PEOPLE: Record<string, People> = {
    RU: {
        first: ['Anna', 'Dmitry', 'Elena', 'Igor', 'Olga', 'Sergey', 'Tatiana', 'Pavel', 'Irina', 'Alexei'],
        last: ['Ivanov', 'Petrov', 'Smirnov', 'Kuznetsov', 'Popov', 'Volkov', 'Sokolov', 'Morozov'],
        gendered: { women: ['Anna', 'Elena', 'Olga', 'Tatiana', 'Irina'], ...SLAVIC_SURNAMES },
    },
    US: {
        first: ['Emily', 'Jacob', 'Madison', 'Tyler', 'Ashley', 'Brandon', 'Olivia', 'Ethan', 'Hannah'],
        last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Wilson', 'Anderson', 'Taylor', 'Moore'],
    },
    DE: {
        first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Leon', 'Sophie'],
        last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann'],
    },
    FR: {
        first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Jules', 'Léa'],
        last: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefebvre'],
    },
    ES: {
        first: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Álvaro', 'Carmen'],
        last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero'],
    },
    IT: {
        first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo'],
        last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
    },
    JP: {
        first: ['Yuki', 'Haruto', 'Aoi', 'Sota', 'Hina', 'Ren', 'Sakura', 'Kenji'],
        last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto'],
    },
    GB: {
        first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Charlie'],
        last: ['Smith', 'Jones', 'Williams', 'Brown', 'Evans', 'Thomas', 'Roberts'],
    },
    KZ: {
        first: ['Aigerim', 'Nursultan', 'Dana', 'Yerlan', 'Aruzhan', 'Timur', 'Madina'],
        last: ['Nurlanov', 'Akhmetov', 'Serikbayev', 'Omarov', 'Zhakupov', 'Kassymov'],
        gendered: { women: ['Aigerim', 'Dana', 'Aruzhan', 'Madina'], ...SLAVIC_SURNAMES },
    },
    BR: {
        first: ['Gabriel', 'Ana', 'Lucas', 'Beatriz', 'Mateus', 'Juliana', 'Rafael', 'Larissa'],
        last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Almeida'],
    },
};

/** A first name and a surname of the country; where surnames have a gender, the first name's. */
export function personName(random: Random, country: string): string {
    const people = PEOPLE[country] ?? PEOPLE.US;
    const first = random.pick(people.first);
    const last = random.pick(people.last);
    const { gendered } = people;
    return `${first} ${gendered?.women.includes(first) ? gendered.femaleSurname(last) : last}`;
}

const SELLER_COUNTRIES: readonly (readonly [string, number])[] = [
    ['CN', 70],
    ['TR', 8],
    ['KR', 7],
    ['RU', 6],
    ['US', 5],
    ['DE', 4],
];

const CITIES: Record<string, string[]> = {
    CN: ['Shenzhen', 'Guangzhou', 'Yiwu', 'Hangzhou', 'Dongguan', 'Ningbo', 'Xiamen'],
    TR: ['Istanbul', 'Izmir', 'Bursa'],
    KR: ['Seoul', 'Busan', 'Incheon'],
    RU: ['Moscow', 'Kazan', 'Novosibirsk'],
    US: ['Austin', 'Portland', 'Denver'],
    DE: ['Hamburg', 'Leipzig', 'Köln'],
};

const STORE_WORDS = [
    'Bright',
    'Golden',
    'Blue Ocean',
    'Happy',
    'Smart',
    'Sunrise',
    'Lucky Star',
    'Green Leaf',
    'Red Maple',
    'Silver',
    'Urban',
    'Prime',
];

const STORE_TRADES = [
    'Electronics',
    'Fashion',
    'Digital',
    'Home Living',
    'Outdoor',
    'Gadgets',
    'Apparel',
    'Toys',
    'Beauty',
    'Auto Parts',
];

const STORE_SUFFIXES = ['Store', 'Official Store', 'Shop', 'Flagship Store', 'Trading Co.', 'Outlet'];

export function sellerCountry(random: Random): string {
    return random.weighted(SELLER_COUNTRIES);
}

/** e.g. "Shenzhen Bright Electronics Official Store"; `serial` keeps names of a large pool apart. */
export function storeName(random: Random, country: string, serial?: number): string {
    const city = random.pick(CITIES[country] ?? CITIES.CN);
    const name = `${city} ${random.pick(STORE_WORDS)} ${random.pick(STORE_TRADES)} ${random.pick(STORE_SUFFIXES)}`;
    return serial === undefined ? name : `${name} #${serial}`;
}
