import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './browserHelpers';
import {
    changeWarnsAndKeepsDraft,
    eachSeesTheOther,
    leavingEndsPresence,
    openMediatorDesks,
    pickUpDropsRow,
    type Desk,
} from './liveSteps';

describe('live queue and presence (one server, SQLite)', () => {
    let server: RunningServer;
    let browser: Browser;
    let a: Desk;
    let b: Desk;
    let id: number;

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
        ({ a, b } = await openMediatorDesks(browser, server.baseUrl, server.baseUrl));
    });
    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('drops a case from another mediator’s queue as it is picked up, without a reload', async () => {
        id = await pickUpDropsRow(a, b);
    });

    it('shows each mediator on the case page that the other has it open', async () => {
        await eachSeesTheOther(a, b, id);
    });

    it('warns of a change by the other, and reloads without losing the draft', async () => {
        await changeWarnsAndKeepsDraft(a, b);
    });

    it('stops showing a mediator who left the case', async () => {
        await leavingEndsPresence(a, b);
    });
});
