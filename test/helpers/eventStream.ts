import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface StreamedEvent {
    event: string;
    data: unknown;
}

/** An open GET /api/events, read as the browser's EventSource would. */
export interface EventStream {
    readonly events: StreamedEvent[];
    /** Resolves with the first event (already received or still to come) that matches. */
    next(matches: (event: StreamedEvent) => boolean): Promise<StreamedEvent>;
    /** Resolves when the server ends the stream. */
    readonly ended: Promise<void>;
    close(): void;
}

/** The app listening on a free port, for clients that need a real socket (streams). */
export async function listen(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

function parse(block: string): StreamedEvent | null {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    return data.length ? { event, data: JSON.parse(data.join('\n')) } : null;
}

/**
 * Opens the stream with a session cookie; resolves once the server has answered and is listening
 * (its first comment arrived), so that a change made afterwards is on it.
 */
export async function openEventStream(
    baseUrl: string,
    cookie: string
): Promise<{ response: Response; stream: EventStream; head: string }> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/events`, {
        headers: { Cookie: cookie, Accept: 'text/event-stream' },
        signal: abort.signal,
    });
    const events: StreamedEvent[] = [];
    const waiters: { matches: (e: StreamedEvent) => boolean; resolve: (e: StreamedEvent) => void }[] = [];
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let head = '';
    const deliver = (event: StreamedEvent) => {
        events.push(event);
        for (const waiter of [...waiters]) {
            if (!waiter.matches(event)) continue;
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
        }
    };
    const first = await reader.read();
    head = first.value ?? '';
    buffer = head.slice(head.lastIndexOf('\n\n') + 2);
    const ended = (async () => {
        try {
            for (;;) {
                const { value, done } = await reader.read();
                if (done) return;
                buffer += value;
                let end: number;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const event = parse(buffer.slice(0, end));
                    buffer = buffer.slice(end + 2);
                    if (event) deliver(event);
                }
            }
        } catch {
            // Aborted by close().
        }
    })();
    return {
        response,
        head,
        stream: {
            events,
            ended,
            next(matches) {
                const seen = events.find(matches);
                if (seen) return Promise.resolve(seen);
                return new Promise((resolve) => waiters.push({ matches, resolve }));
            },
            close: () => abort.abort(),
        },
    };
}
