import { fetchUtils, type DataProvider, type Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { TimelineEntry } from './types';

const API_URL = '/api';

/** Every console API call goes through here (the place for session and CSRF headers). */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, options);

/** The simple-rest protocol plus the dispute-specific reads and workflow calls. */
export interface DisputeDeskDataProvider extends DataProvider {
    getTimeline(disputeId: Identifier): Promise<TimelineEntry[]>;
}

const baseDataProvider = simpleRestProvider(API_URL, httpClient);

export const dataProvider: DisputeDeskDataProvider = {
    ...baseDataProvider,
    getTimeline: async (disputeId) => {
        const { json } = await httpClient(`${API_URL}/disputes/${encodeURIComponent(disputeId)}/timeline`);
        return json as TimelineEntry[];
    },
};
