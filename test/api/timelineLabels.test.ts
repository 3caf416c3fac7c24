import { describe, expect, it } from 'vitest';
import { DISPUTE_EVENT_KINDS, TRANSITIONS } from '../../shared/lifecycle';
import { enEnums } from '../../client/src/i18n/enEnums';

/** The case timeline names every step it can show: a raw key on screen is a bug. */
describe('the timeline labels of the English catalogue', () => {
    it('name every lifecycle action and every other event the recorder writes', () => {
        const labels = enEnums.disputeAction as Record<string, string>;
        const kinds = [...Object.keys(TRANSITIONS), ...DISPUTE_EVENT_KINDS];
        expect(kinds.filter((kind) => !labels[kind])).toEqual([]);
    });
});
