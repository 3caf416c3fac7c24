/**
 * The two catalogues of the SPA (client/src/i18n/en.ts, ru.ts) against each other and against the
 * keys the sources use literally: a pure unit test, no server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { ru } from '../../client/src/i18n/ru';

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
    const found = new Map<string, string>();
    for (const [key, value] of Object.entries(tree)) {
        const dotted = `${prefix}${key}`;
        if (typeof value === 'string') found.set(dotted, value);
        else for (const [k, v] of leaves(value, `${dotted}.`)) found.set(k, v);
    }
    return found;
}

/** Every subtree's dotted key (`resources.disputes.messages`), for keys used as a prefix. */
function branches(tree: Tree, prefix = ''): Set<string> {
    const found = new Set<string>();
    for (const [key, value] of Object.entries(tree)) {
        if (typeof value === 'string') continue;
        found.add(`${prefix}${key}`);
        for (const inner of branches(value, `${prefix}${key}.`)) found.add(inner);
    }
    return found;
}

const placeholders = (message: string) => [...new Set(message.match(/%\{\w+\}/g) ?? [])].sort();
const forms = (message: string) => message.split('||||').length;

/** Messages the same in both languages: acronyms, codes and the product's name. */
// Key names print on Russian keyboards as they do on English ones ("Enter").
const SAME_IN_BOTH = new Set(['SLA', 'ID', 'CSV', 'Email', 'UTC', 'PDF', 'Dispute Desk', 'Enter']);
/** react-admin's label of a boolean with no value is blank on purpose. */
const BLANK_BY_DESIGN = new Set(['ra.boolean.null']);
/** No letters outside placeholders ("%{type} · %{size}", "%{name}", " "): nothing to translate. */
const nothingToTranslate = (message: string) => !/\p{L}/u.test(message.replace(/%\{\w+\}/g, ''));

const enMessages = leaves(en as unknown as Tree);
const ruMessages = leaves(ru as unknown as Tree);

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(full);
        return /\.tsx?$/.test(entry.name) ? [full] : [];
    });
}

/** String literals of client/src that look like a catalogue key: `translate('app.x')`, `label="resources.y"`. */
const LITERAL_KEY =
    /['"`]((?:ra|app|resources|enums|shortcuts|live|usability|supervision|dashboard|csv_export)\.[\w-]+(?:\.[\w-]+)*)['"`]/g;

function keysUsedInSources(): Map<string, string> {
    const used = new Map<string, string>();
    for (const file of sourceFiles(CLIENT)) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(LITERAL_KEY)) {
            if (!used.has(match[1])) used.set(match[1], path.relative(CLIENT, file));
        }
    }
    return used;
}

describe('the Russian and English catalogues', () => {
    it('have the same keys', () => {
        const missingInRu = [...enMessages.keys()].filter((key) => !ruMessages.has(key));
        const missingInEn = [...ruMessages.keys()].filter((key) => !enMessages.has(key));
        expect(missingInRu, 'keys of en.ts missing from ru.ts').toEqual([]);
        expect(missingInEn, 'keys of ru.ts missing from en.ts').toEqual([]);
        expect(enMessages.size).toBeGreaterThan(900);
    });

    it('use the same placeholders in each message', () => {
        const differing = [...enMessages]
            .filter(([key]) => ruMessages.has(key))
            .filter(
                ([key, message]) => placeholders(message).join() !== placeholders(ruMessages.get(key)!).join()
            )
            .map(([key, message]) => `${key}: ${message} | ${ruMessages.get(key)}`);
        expect(differing).toEqual([]);
    });

    it('have no empty message', () => {
        const blank = (messages: Map<string, string>) =>
            [...messages].filter(([key, message]) => message.trim() === '' && !BLANK_BY_DESIGN.has(key));
        expect(blank(enMessages).map(([key]) => key)).toEqual([]);
        expect(blank(ruMessages).map(([key]) => key)).toEqual([]);
    });

    it('translate every message into Russian, but for acronyms and codes', () => {
        const untranslated = [...ruMessages]
            .filter(([key, message]) => message === enMessages.get(key))
            .filter(([, message]) => !SAME_IN_BOTH.has(message) && !nothingToTranslate(message))
            .map(([key, message]) => `${key}: ${message}`);
        expect(untranslated).toEqual([]);
        expect(ru.resources.disputes.name).toBe('Спор |||| Споры |||| Споры');
    });

    it('give every counted Russian message its three plural forms (1, 2–4, 5 and more)', () => {
        const wrong = [...ruMessages]
            .filter(
                ([key, message]) =>
                    (forms(message) > 1 || forms(enMessages.get(key) ?? '') > 1) && forms(message) !== 3
            )
            .map(([key, message]) => `${key}: ${message}`);
        expect(wrong).toEqual([]);
    });
});

describe('the keys the sources of the SPA name literally', () => {
    const used = keysUsedInSources();

    it('are found, many of them', () => {
        expect(used.size).toBeGreaterThan(150);
    });

    it.each([
        ['en', enMessages, en],
        ['ru', ruMessages, ru],
    ] as const)(
        'are all in the %s catalogue (a message, or a group used as a prefix)',
        (_name, messages, tree) => {
            const groups = branches(tree as unknown as Tree);
            const missing = [...used]
                .filter(([key]) => !messages.has(key) && !groups.has(key))
                .map(([key, file]) => `${key} (${file})`);
            expect(missing).toEqual([]);
        }
    );
});
