import type { DisputeReason } from '../../../shared/domain';
import { minorUnitExponent } from '../../../shared/money';
import type { Random } from './random';

export type ProductKind = 'electronics' | 'apparel' | 'home' | 'hobby' | 'beauty';

export interface Product {
    title: string;
    kind: ProductKind;
    /** Typical price range in US cents; converted to the order currency. */
    minCents: number;
    maxCents: number;
    /** Sold in packs: quantity above one is common. */
    pack?: boolean;
    /** Comes in sizes (a wrong size makes sense). */
    sized?: boolean;
}

export const PRODUCTS: readonly Product[] = [
    {
        title: 'Wireless Earbuds Bluetooth 5.3 with Charging Case',
        kind: 'electronics',
        minCents: 1500,
        maxCents: 4500,
    },
    { title: 'Smart Watch 1.9" AMOLED Fitness Tracker', kind: 'electronics', minCents: 3000, maxCents: 9000 },
    { title: 'Power Bank 20000 mAh PD 65 W', kind: 'electronics', minCents: 1200, maxCents: 3500 },
    { title: 'Mechanical Keyboard 75% Hot-Swap RGB', kind: 'electronics', minCents: 4000, maxCents: 12000 },
    { title: 'Action Camera 4K 60fps Waterproof', kind: 'electronics', minCents: 6000, maxCents: 18000 },
    { title: 'Foldable Drone with 4K Camera and GPS', kind: 'electronics', minCents: 15000, maxCents: 65000 },
    { title: 'Ultrabook 14" 16 GB RAM 512 GB SSD', kind: 'electronics', minCents: 45000, maxCents: 140000 },
    { title: 'Smartphone 6.7" 256 GB Dual SIM', kind: 'electronics', minCents: 18000, maxCents: 90000 },
    { title: 'USB-C Cable 2 m Braided 100 W', kind: 'electronics', minCents: 300, maxCents: 900, pack: true },
    { title: 'Phone Case Shockproof Clear', kind: 'electronics', minCents: 300, maxCents: 800, pack: true },
    { title: 'Dash Cam Front and Rear 1440p', kind: 'electronics', minCents: 3000, maxCents: 11000 },
    {
        title: "Men's Running Sneakers Breathable Mesh",
        kind: 'apparel',
        minCents: 2500,
        maxCents: 9000,
        sized: true,
    },
    {
        title: "Women's Winter Down Jacket Hooded",
        kind: 'apparel',
        minCents: 3500,
        maxCents: 15000,
        sized: true,
    },
    { title: 'Summer Floral Midi Dress', kind: 'apparel', minCents: 1500, maxCents: 5000, sized: true },
    {
        title: 'Cotton T-Shirt Basic Crew Neck',
        kind: 'apparel',
        minCents: 500,
        maxCents: 1500,
        pack: true,
        sized: true,
    },
    { title: 'Genuine Leather Wallet RFID', kind: 'apparel', minCents: 800, maxCents: 3000 },
    { title: 'Polarized Sunglasses UV400', kind: 'apparel', minCents: 600, maxCents: 4000 },
    { title: 'Robot Vacuum Cleaner with Mop and LiDAR', kind: 'home', minCents: 12000, maxCents: 40000 },
    { title: 'Electric Burr Coffee Grinder', kind: 'home', minCents: 2000, maxCents: 6000 },
    { title: 'Bedding Set Satin 4 pcs Queen', kind: 'home', minCents: 2500, maxCents: 8000 },
    { title: 'LED Desk Lamp Dimmable with Wireless Charger', kind: 'home', minCents: 1200, maxCents: 4000 },
    { title: 'Kitchen Knife Set Damascus 6 pcs', kind: 'home', minCents: 2500, maxCents: 12000 },
    { title: 'Silicone Baking Mats', kind: 'home', minCents: 300, maxCents: 1000, pack: true },
    { title: 'Building Blocks Technic Supercar 1:14', kind: 'hobby', minCents: 2000, maxCents: 8000 },
    { title: 'RC Off-Road Car 1:16 4WD', kind: 'hobby', minCents: 2500, maxCents: 9000 },
    { title: 'Baitcasting Fishing Reel 7.2:1', kind: 'hobby', minCents: 1500, maxCents: 7000 },
    { title: 'Camping Tent 4 Person Waterproof', kind: 'hobby', minCents: 4000, maxCents: 16000 },
    { title: 'Ionic Hair Dryer 1800 W', kind: 'beauty', minCents: 2000, maxCents: 8000 },
    { title: 'Sonic Electric Toothbrush with 8 Heads', kind: 'beauty', minCents: 1500, maxCents: 5000 },
    { title: 'Gel Nail Polish Set', kind: 'beauty', minCents: 400, maxCents: 1200, pack: true },
];

const KINDS_FOR_REASON: Partial<Record<DisputeReason, ProductKind[]>> = {
    wrong_color: ['apparel', 'home', 'beauty'],
    counterfeit: ['electronics', 'apparel', 'beauty'],
    missing_parts: ['electronics', 'hobby', 'home'],
    defective: ['electronics', 'home', 'beauty', 'hobby'],
};

/** A product that makes sense for the reason (sizes for apparel, shortfalls for packs…). */
export function productFor(random: Random, reason: DisputeReason): Product {
    if (reason === 'quantity_short') return random.pick(PRODUCTS.filter((p) => p.pack));
    if (reason === 'wrong_size') return random.pick(PRODUCTS.filter((p) => p.sized));
    const kinds = KINDS_FOR_REASON[reason];
    return random.pick(kinds ? PRODUCTS.filter((p) => kinds.includes(p.kind)) : PRODUCTS);
}

/** Minor units of the currency per US cent, as an exact fraction [numerator, denominator]. */
const RATES: Record<string, readonly [number, number]> = {
    USD: [1, 1],
    EUR: [92, 100],
    GBP: [79, 100],
    RUB: [92, 1],
    JPY: [3, 2],
    KZT: [48, 1],
    BRL: [5, 1],
    CNY: [72, 10],
};

/** A realistic shelf price in minor units: x.99 endings, whole roubles and tenge, yen in tens. */
export function unitPriceFor(random: Random, product: Product, currency: string): number {
    const cents = random.int(product.minCents, product.maxCents);
    const [numerator, denominator] = RATES[currency] ?? RATES.USD;
    const minor = Math.max(1, Math.floor((cents * numerator) / denominator));
    const exponent = minorUnitExponent(currency);
    if (exponent === 0) return Math.max(10, minor - (minor % 10));
    if (currency === 'RUB' || currency === 'KZT') return Math.max(100, minor - (minor % 100));
    return random.chance(0.6) ? minor - (minor % 100) + 99 : minor;
}

export function quantityFor(random: Random, product: Product, reason?: DisputeReason): number {
    if (reason === 'quantity_short') return random.int(3, 10);
    if (product.pack)
        return random.weighted([
            [1, 3],
            [2, 3],
            [3, 2],
            [5, 1],
        ]);
    return random.weighted([
        [1, 12],
        [2, 1],
    ]);
}

/** A carrier tracking number in a shape a buyer would recognise. */
export function trackingNumber(random: Random): string {
    const format = random.int(0, 2);
    if (format === 0) return `R${random.code(1, 'BLRU')}${random.code(9, '0123456789')}CN`;
    if (format === 1) return `LP00${random.code(12, '0123456789')}`;
    return `YT${random.code(16, '0123456789')}`;
}
