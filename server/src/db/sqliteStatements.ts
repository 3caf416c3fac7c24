import sqlite3 from 'sqlite3';

/**
 * SQLite connections that keep their prepared statements. node-sqlite3 prepares every query
 * anew (one trip to a worker thread to prepare, one to run, a finalize on the main thread);
 * the server runs the same few statements over and over (the session lookup, a record by id, the
 * queue claim, the audit and timeline inserts, BEGIN and COMMIT), so each connection keeps the
 * most recent ones prepared and a repeated statement costs one trip instead of two.
 */

type Callback = (this: unknown, err: Error | null, rows?: unknown) => void;
type Method = 'all' | 'run';

/** Statements worth keeping: queries and transaction control, never schema changes or pragmas. */
const CACHEABLE =
    /^\s*(?:\/\*[^]*?\*\/\s*)?(?:SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Per connection; a busy server uses a few dozen shapes, the rest are dropped oldest first. */
const MAX_STATEMENTS = 200;

interface Original {
    all(sql: string, params: unknown, callback: Callback): unknown;
    run(sql: string, params: unknown, callback: Callback): unknown;
    close(callback?: (err: Error | null) => void): unknown;
}

function normalize(params: unknown, callback: unknown): [unknown[], Callback] {
    if (typeof params === 'function') return [[], params as Callback];
    const list = Array.isArray(params) ? params : params === undefined || params === null ? [] : [params];
    return [list, (callback as Callback | undefined) ?? (() => {})];
}

/** Makes `db` reuse prepared statements for its `all` and `run` calls; returns the same object. */
export function keepStatements<T extends sqlite3.Database>(db: T): T {
    const original: Original = {
        all: db.all.bind(db) as Original['all'],
        run: db.run.bind(db) as Original['run'],
        close: db.close.bind(db) as Original['close'],
    };
    const statements = new Map<string, sqlite3.Statement>();
    let closing = false;

    const forget = (sql: string, statement: sqlite3.Statement) => {
        if (statements.get(sql) === statement) statements.delete(sql);
        statement.finalize();
    };

    const execute = (
        method: Method,
        statement: sqlite3.Statement,
        sql: string,
        params: unknown[],
        callback: Callback,
        keep: boolean
    ) => {
        statement[method](params, function (this: unknown, err: Error | null, rows?: unknown) {
            // A statement that failed is not trusted again; the next call prepares it afresh.
            if (err || !keep) forget(sql, statement);
            callback.call(this, err, rows);
        });
    };

    const call = (method: Method, sql: string, rawParams: unknown, rawCallback: unknown) => {
        const [params, callback] = normalize(rawParams, rawCallback);
        // Without parameters a kept statement would run with the previous call's bindings.
        if (closing || !CACHEABLE.test(sql) || (params.length === 0 && sql.includes('?'))) {
            return original[method](sql, params, callback);
        }
        const kept = statements.get(sql);
        if (kept) {
            statements.delete(sql);
            statements.set(sql, kept);
            return execute(method, kept, sql, params, callback, true);
        }
        const statement: sqlite3.Statement = db.prepare(sql, (err: Error | null) => {
            // A statement that does not prepare never calls back its queued calls: answer here.
            if (err) return callback.call(statement, err);
            const keep = !closing && !statements.has(sql);
            if (keep) {
                statements.set(sql, statement);
                if (statements.size > MAX_STATEMENTS) {
                    const [oldestSql, oldest] = statements.entries().next().value!;
                    forget(oldestSql, oldest);
                }
            }
            execute(method, statement, sql, params, callback, keep);
        });
    };

    return Object.assign(db, {
        all(sql: string, params?: unknown, callback?: unknown) {
            call('all', sql, params, callback);
            return db;
        },
        run(sql: string, params?: unknown, callback?: unknown) {
            call('run', sql, params, callback);
            return db;
        },
        close(callback?: (err: Error | null) => void) {
            closing = true;
            const kept = [...statements.values()];
            statements.clear();
            // SQLite refuses to close a connection with statements still prepared.
            Promise.all(kept.map((s) => new Promise<void>((resolve) => s.finalize(() => resolve())))).then(
                () => original.close(callback),
                () => original.close(callback)
            );
            return db;
        },
    });
}
