import type { Page, Request } from 'playwright-core';

/** One request of the run, in ms since the sign-in was submitted (end undefined: still open). */
interface Step {
    what: string;
    start: number;
    end?: number;
}

const label = (request: Request) => {
    const url = new URL(request.url());
    const name = url.pathname.startsWith('/assets/') ? url.pathname.slice('/assets/'.length) : url.pathname;
    return `${request.method()} ${name}`;
};

/**
 * Where the time between submit and the first rows goes: every request the page makes from the
 * submit on (the sign-in POST, lazy chunks, API calls), with when it started and finished.
 */
export function recordTimeline(page: Page) {
    let origin: number | undefined;
    const steps = new Map<Request, Step>();
    page.on('request', (request) => {
        if (origin !== undefined)
            steps.set(request, { what: label(request), start: performance.now() - origin });
    });
    const finished = (request: Request) => {
        const step = steps.get(request);
        if (step && origin !== undefined) step.end = performance.now() - origin;
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    return {
        /** Call at the submit: times count from here. */
        start: () => (origin = performance.now()),
        /** The requests started before `until` ms, in order, as one line each. */
        describe: (until: number): string[] =>
            [...steps.values()]
                .filter((step) => step.start <= until)
                .sort((a, b) => a.start - b.start)
                .map((step) => {
                    const end = step.end === undefined ? 'open' : step.end.toFixed(0);
                    return `${step.start.toFixed(0).padStart(6)} → ${end.padStart(5)} ms  ${step.what}`;
                }),
    };
}
