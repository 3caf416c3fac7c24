/**
 * Text that people and systems send us: no control characters. PostgreSQL's text columns refuse
 * NUL outright, and the others (escape, backspace, bell …) only hide or garble what staff read.
 */
import { z } from 'zod';

/** C0 and C1 control characters and DEL (Unicode category Cc). */
const CONTROL = /\p{Cc}/u;
/** The same, except line feed, carriage return and tab, which multi-line text keeps. */
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\n\r\t])\p{Cc}/u;

export const NO_CONTROL_CHARACTERS = 'must not contain control characters';
export const NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS =
    'must not contain control characters (line breaks and tabs are allowed)';

/** True when a single-line value (a name, an id, a search) holds a control character. */
export function hasControlCharacter(value: string): boolean {
    return CONTROL.test(value);
}

/** True when a multi-line value holds a control character other than \n, \r and \t. */
export function hasControlCharacterBesidesLineBreaks(value: string): boolean {
    return CONTROL_EXCEPT_LINE_BREAKS.test(value);
}

/** A one-line string: names, titles, ids, emails. */
export const singleLineText = () =>
    z.string().refine((value) => !hasControlCharacter(value), NO_CONTROL_CHARACTERS);

/** A string that may span lines: descriptions, notes, messages. */
export const multiLineText = () =>
    z
        .string()
        .refine(
            (value) => !hasControlCharacterBesidesLineBreaks(value),
            NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS
        );
