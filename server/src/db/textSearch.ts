import { dbKind } from './dbKind';

function escapeLike(text: string): string {
    return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * The spellings of a search to try on SQLite, whose LIKE folds ASCII letters only: as typed,
 * lower case, upper case, and capitalised words ("иван" finds "Иван Петров").
 */
function sqliteCaseVariants(q: string): string[] {
    const lower = q.toLowerCase();
    const words = lower.replace(
        /(^|[\s,.;:(-])(\p{L})/gu,
        (_m, sep: string, c: string) => sep + c.toUpperCase()
    );
    const sentence = lower.charAt(0).toUpperCase() + lower.slice(1);
    return [...new Set([q, lower, q.toUpperCase(), words, sentence])];
}

/**
 * A condition "one of these text columns contains q, whatever the case", as each engine can say
 * it: LOWER(…) LIKE on PostgreSQL; on SQLite a LIKE per spelling of q (see sqliteCaseVariants).
 */
export function containsText(columns: string[], q: string): { sql: string; params: Record<string, string> } {
    if (dbKind === 'postgres') {
        return {
            sql: columns.map((column) => `LOWER(${column}) LIKE :qLike0 ESCAPE '\\'`).join(' OR '),
            params: { qLike0: `%${escapeLike(q.toLowerCase())}%` },
        };
    }
    const params = Object.fromEntries(
        sqliteCaseVariants(q).map((v, i) => [`qLike${i}`, `%${escapeLike(v)}%`])
    );
    const sql = columns
        .flatMap((column) => Object.keys(params).map((param) => `${column} LIKE :${param} ESCAPE '\\'`))
        .join(' OR ');
    return { sql, params };
}
