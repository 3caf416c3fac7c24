/** Keep-alive HTTP calls for the benchmarks: lighter than fetch, so a figure is the server's. */
import http from 'node:http';
import type { Session } from './benchSupport';

/** A GET over a keep-alive agent: the status, the body, and the list's Content-Range. */
export function benchGet(
    url: string,
    cookie: string,
    agent: http.Agent
): Promise<{ status: number; body: string; contentRange: string }> {
    return new Promise((resolve, reject) => {
        http.get(url, { agent, headers: { cookie } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () =>
                resolve({
                    status: res.statusCode ?? 0,
                    body,
                    contentRange: String(res.headers['content-range'] ?? ''),
                })
            );
        }).on('error', reject);
    });
}

/** A console POST over a keep-alive agent (lighter than fetch): the status and the parsed body. */
export function benchPost(
    url: string,
    session: Session,
    body: unknown,
    agent: http.Agent
): Promise<{ status: number; body: unknown }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const req = http.request(
            url,
            {
                method: 'POST',
                agent,
                headers: {
                    cookie: session.cookie,
                    'x-csrf-token': session.csrfToken,
                    'content-type': 'application/json',
                    'content-length': Buffer.byteLength(payload),
                },
            },
            (res) => {
                let text = '';
                res.setEncoding('utf8');
                res.on('data', (chunk: string) => (text += chunk));
                res.on('end', () => {
                    try {
                        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
                    } catch (error) {
                        reject(error as Error);
                    }
                });
            }
        );
        req.on('error', reject);
        req.end(payload);
    });
}
