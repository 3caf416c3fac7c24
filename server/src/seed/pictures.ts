import { Canvas, type Point, type Rgb } from './png';
import type { Random } from './random';

/** Scenes a buyer or seller would photograph as evidence. */
export const SCENES = [
    'parcel',
    'crushed_parcel',
    'cracked_screen',
    'wrong_color',
    'wrong_size',
    'missing_parts',
    'shipping_label',
    'counterfeit_logo',
    'short_quantity',
    'poor_stitching',
] as const;
export type Scene = (typeof SCENES)[number];

const WIDTH = 480;
const HEIGHT = 360;

const CARDBOARD: Rgb = [168, 119, 63];
const CARDBOARD_DARK: Rgb = [92, 61, 28];
const TAPE: Rgb = [217, 200, 154];
const RED: Rgb = [229, 57, 53];
const WHITE: Rgb = [245, 245, 240];
const INK: Rgb = [30, 30, 30];

const GARMENT_COLORS: Rgb[] = [
    [33, 97, 140],
    [192, 57, 43],
    [39, 174, 96],
    [142, 68, 173],
    [44, 62, 80],
    [241, 196, 15],
];

function shade([r, g, b]: Rgb, f: number): Rgb {
    return [Math.min(255, r * f), Math.min(255, g * f), Math.min(255, b * f)].map(Math.round) as never;
}

function backdrop(canvas: Canvas, random: Random): void {
    const wall = random.int(120, 170);
    canvas.gradient([wall, wall + 6, wall + 12], [wall - 40, wall - 36, wall - 30], 0, 250);
    canvas.gradient([96, 84, 70], [70, 60, 50], 250, HEIGHT);
}

function box(canvas: Canvas, x: number, y: number, w: number, h: number): void {
    canvas.polygon(
        [
            [x, y],
            [x + w, y],
            [x + w + 40, y - 30],
            [x + 40, y - 30],
        ],
        shade(CARDBOARD, 1.15)
    );
    canvas.polygon(
        [
            [x + w, y],
            [x + w + 40, y - 30],
            [x + w + 40, y + h - 30],
            [x + w, y + h],
        ],
        shade(CARDBOARD, 0.8)
    );
    canvas.rect(x, y, w, h, CARDBOARD);
    canvas.rect(x + w / 2 - 10, y, 20, h, TAPE);
    canvas.polygon(
        [
            [x + w / 2 - 10, y],
            [x + w / 2 + 10, y],
            [x + w / 2 + 50, y - 30],
            [x + w / 2 + 30, y - 30],
        ],
        TAPE
    );
}

function label(canvas: Canvas, x: number, y: number, w: number, h: number, random: Random): void {
    canvas.rect(x, y, w, h, WHITE);
    for (let row = 0; row < 3; row++) canvas.rect(x + 8, y + 8 + row * 10, random.int(w / 3, w - 16), 4, INK);
    let bx = x + 8;
    while (bx < x + w - 10) {
        const bar = random.int(1, 4);
        canvas.rect(bx, y + h - 30, bar, 22, INK);
        bx += bar + random.int(1, 3);
    }
}

function tee(canvas: Canvas, cx: number, cy: number, scale: number, color: Rgb): void {
    const s = (p: Point): Point => [cx + p[0] * scale, cy + p[1] * scale];
    const shape: Point[] = [
        [-30, -50],
        [-12, -56],
        [12, -56],
        [30, -50],
        [60, -25],
        [45, -5],
        [30, -15],
        [30, 60],
        [-30, 60],
        [-30, -15],
        [-45, -5],
        [-60, -25],
    ];
    canvas.polygon(shape.map(s), color);
    const collar: Point[] = [
        [-12, -56],
        [12, -56],
        [0, -44],
    ];
    canvas.polygon(collar.map(s), shade(color, 0.6));
}

function ring(canvas: Canvas, cx: number, cy: number, r: number): void {
    canvas.circle(cx, cy, r, RED, r - 6);
}

const DRAW: Record<Scene, (canvas: Canvas, random: Random) => void> = {
    parcel(canvas, random) {
        backdrop(canvas, random);
        box(canvas, 120, 140, 220, 150);
        label(canvas, 250, 170, 80, 70, random);
    },
    crushed_parcel(canvas, random) {
        backdrop(canvas, random);
        box(canvas, 110, 140, 230, 150);
        canvas.polygon(
            [
                [260, 200],
                [340, 170],
                [340, 290],
                [290, 290],
            ],
            CARDBOARD_DARK
        );
        canvas.line(270, 215, 320, 240, 3, [40, 25, 10]);
        canvas.line(320, 240, 300, 275, 3, [40, 25, 10]);
        ring(canvas, 305, 235, 70);
    },
    cracked_screen(canvas, random) {
        backdrop(canvas, random);
        canvas.rect(160, 40, 160, 290, [20, 20, 24]);
        canvas.rect(170, 55, 140, 255, [52, 73, 94]);
        const [ix, iy] = [random.int(200, 280), random.int(110, 250)];
        for (let k = 0; k < 9; k++) {
            const angle = (k / 9) * Math.PI * 2 + random.real(0, 0.5);
            const len = random.int(40, 130);
            const x = Math.min(305, Math.max(175, ix + Math.cos(angle) * len));
            const y = Math.min(305, Math.max(60, iy + Math.sin(angle) * len));
            canvas.line(ix, iy, x, y, 2, WHITE);
        }
        ring(canvas, ix, iy, 40);
    },
    wrong_color(canvas, random) {
        backdrop(canvas, random);
        const [ordered, received] = random.shuffle(GARMENT_COLORS);
        tee(canvas, 140, 190, 1.4, ordered);
        tee(canvas, 340, 190, 1.4, received);
        canvas.rect(95, 300, 90, 24, WHITE);
        canvas.rect(102, 306, 76, 12, ordered);
        canvas.rect(295, 300, 90, 24, WHITE);
        canvas.rect(302, 306, 76, 12, received);
    },
    wrong_size(canvas, random) {
        backdrop(canvas, random);
        tee(canvas, 240, 180, 1.9, random.pick(GARMENT_COLORS));
        canvas.rect(120, 300, 240, 26, [241, 196, 15]);
        for (let x = 124; x < 360; x += 12) canvas.rect(x, 300, 2, x % 48 === 4 ? 16 : 9, INK);
        ring(canvas, 180, 312, 26);
    },
    missing_parts(canvas, random) {
        backdrop(canvas, random);
        canvas.rect(80, 90, 320, 220, WHITE);
        const slots: Point[] = [
            [95, 105],
            [245, 105],
            [95, 215],
            [245, 215],
        ];
        const empty = random.int(0, 3);
        slots.forEach(([x, y], k) => {
            canvas.rect(x, y, 140, 80, [200, 200, 195]);
            if (k !== empty) canvas.rect(x + 20, y + 15, 100, 50, shade(random.pick(GARMENT_COLORS), 0.9));
        });
        ring(canvas, slots[empty][0] + 70, slots[empty][1] + 40, 60);
    },
    shipping_label(canvas, random) {
        canvas.gradient(CARDBOARD, shade(CARDBOARD, 0.85));
        label(canvas, 70, 60, 340, 240, random);
        canvas.rect(70, 60, 340, 28, INK);
        for (let row = 0; row < 6; row++) canvas.rect(86, 104 + row * 20, random.int(120, 300), 8, INK);
    },
    counterfeit_logo(canvas, random) {
        backdrop(canvas, random);
        const base = random.pick(GARMENT_COLORS);
        canvas.rect(70, 90, 150, 200, [25, 25, 25]);
        canvas.rect(260, 90, 150, 200, [35, 35, 35]);
        canvas.circle(145, 170, 40, base);
        canvas.circle(145, 170, 22, WHITE);
        canvas.circle(335, 175, 34, shade(base, 1.3));
        canvas.rect(318, 160, 34, 30, WHITE);
        ring(canvas, 335, 175, 60);
    },
    short_quantity(canvas, random) {
        backdrop(canvas, random);
        canvas.rect(60, 80, 360, 230, [210, 205, 195]);
        const color = random.pick(GARMENT_COLORS);
        const present = random.int(2, 4);
        for (let k = 0; k < 6; k++) {
            const [x, y] = [75 + (k % 3) * 115, 95 + Math.floor(k / 3) * 105];
            canvas.rect(x, y, 100, 90, k < present ? color : [185, 180, 170]);
        }
    },
    poor_stitching(canvas, random) {
        const cloth = random.pick(GARMENT_COLORS);
        canvas.gradient(shade(cloth, 1.1), shade(cloth, 0.8));
        for (let x = 40; x < WIDTH - 40; x += 14)
            canvas.line(x, 180 + random.int(-6, 6), x + 8, 180, 2, WHITE);
        for (let k = 0; k < 5; k++) {
            const [x, y] = [random.int(60, 420), random.int(60, 300)];
            canvas.line(x, y, x + random.int(-40, 40), y + random.int(10, 50), 1, WHITE);
        }
        canvas.circle(random.int(120, 360), random.int(240, 300), random.int(18, 30), shade(cloth, 0.45));
        ring(canvas, 240, 180, 80);
    },
};

/** A photo of the scene as a raster; the random source varies colours and details. */
export function drawScene(scene: Scene, random: Random): Canvas {
    const canvas = new Canvas(WIDTH, HEIGHT);
    DRAW[scene](canvas, random);
    return canvas;
}
