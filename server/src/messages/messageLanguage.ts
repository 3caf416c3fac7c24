import { francAll } from 'franc-min';

/**
 * The languages a party's message is told apart among (ISO 639-3 → 639-1): the marketplace's
 * buyers and sellers write mostly Russian or English. Left open, franc takes short Russian for
 * Bulgarian or Serbian, so it chooses only among these.
 */
const LANGUAGES: Readonly<Record<string, string>> = {
    rus: 'ru',
    ukr: 'uk',
    bel: 'be',
    eng: 'en',
    deu: 'de',
    fra: 'fr',
    spa: 'es',
    ita: 'it',
    por: 'pt',
    pol: 'pl',
    tur: 'tr',
    cmn: 'zh',
};

/** Fewer letters than this say too little to tell a language. */
export const MIN_LETTERS = 12;
/** A runner-up this close to the best guess means the text could be either. */
const AMBIGUOUS = 0.99;

/** The ISO 639-1 language of a message's text, or null when it is too short or unclear. */
export function messageLanguage(text: string): string | null {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS) return null;
    const [best, runnerUp] = francAll(text, { only: Object.keys(LANGUAGES), minLength: MIN_LETTERS });
    if (!best || best[0] === 'und') return null;
    if (runnerUp && runnerUp[1] >= AMBIGUOUS) return null;
    return LANGUAGES[best[0]] ?? null;
}
