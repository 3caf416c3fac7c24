import { fetchUtils, HttpError, type DataProvider, type Identifier } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { csrfToken, refreshIdentity } from './authProvider';
import { chunkIds } from './common/idChunks';
import { i18nProvider } from './i18n/i18nProvider';
import { disputeWorkflow, type DisputeWorkflow } from './disputeWorkflow';
import { evidenceWorkflow, type EvidenceWorkflow } from './evidenceWorkflow';
import { rulingWorkflow, type RulingWorkflow } from './decisions/rulingWorkflow';
import type { AuditChainReport, Staff, TimelineEntry } from './types';

const API_URL = '/api';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

const withSession = (options: fetchUtils.Options): fetchUtils.Options => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const token = csrfToken();
    if (!SAFE_METHODS.includes((options.method ?? 'GET').toUpperCase()) && token) {
        headers.set('X-CSRF-Token', token);
    }
    return { ...options, headers, credentials: 'same-origin' };
};

/** A 403 says why, after "Access denied", so that the notification reads as a refusal. */
const accessDenied = (error: HttpError) =>
    new HttpError(
        i18nProvider.translate('app.auth.access_denied', { reason: error.message }),
        error.status,
        error.body
    );

/**
 * Every console API call goes through here: the session cookie (same origin) and, on state changes,
 * the session's CSRF token. A write refused with 403 is retried once when the token was stale
 * (another tab signed in again).
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    try {
        return await fetchUtils.fetchJson(url, withSession(options));
    } catch (error) {
        if (!(error instanceof HttpError) || error.status !== 403) throw error;
        const sent = csrfToken();
        const isWrite = !SAFE_METHODS.includes((options.method ?? 'GET').toUpperCase());
        if (isWrite && sent && (await refreshIdentity().catch(() => null))?.csrfToken !== sent) {
            return fetchUtils.fetchJson(url, withSession(options)).catch((retryError) => {
                throw retryError instanceof HttpError && retryError.status === 403
                    ? accessDenied(retryError)
                    : retryError;
            });
        }
        throw accessDenied(error);
    }
};

/** The simple-rest protocol plus the dispute-specific reads and workflow calls. */
export interface DisputeDeskDataProvider
    extends DataProvider, DisputeWorkflow, EvidenceWorkflow, RulingWorkflow {
    getTimeline(disputeId: Identifier): Promise<TimelineEntry[]>;
    resetStaffPassword(staffId: Identifier, password: string): Promise<Staff>;
    verifyAuditChain(): Promise<AuditChainReport>;
}

const baseDataProvider = simpleRestProvider(API_URL, httpClient);

/** The fields of a form that differ from the record it edits. */
const changedFields = (data: Record<string, unknown>, previousData: Record<string, unknown> = {}) =>
    Object.fromEntries(
        Object.entries(data).filter(
            ([field, value]) => JSON.stringify(value) !== JSON.stringify(previousData[field])
        )
    );

/** PUT /api/staff/:id refuses unknown fields (no mass assignment): send only what changed. */
const updateStaff: DataProvider['update'] = async (resource, params) => {
    const changes = changedFields(params.data, params.previousData);
    if (Object.keys(changes).length === 0) return { data: params.previousData };
    return baseDataProvider.update(resource, { ...params, data: changes });
};

/** The URL ra-data-simple-rest builds for getMany (query-string encodes like encodeURIComponent). */
const getManyUrl = (resource: string, ids: readonly Identifier[]) =>
    `${API_URL}/${resource}?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`;

/**
 * getMany with any number of ids: a long list is split into requests with short URLs (see
 * idChunks.ts for why we split rather than POST a search), fetched in parallel, answers joined in
 * order. getManyReference needs no splitting: its filter carries one target id and a page range.
 */
const getMany: DataProvider['getMany'] = async (resource, params) => {
    const chunks = chunkIds(params.ids, (ids) => getManyUrl(resource, ids));
    if (chunks.length === 1) return baseDataProvider.getMany(resource, params);
    const answers = await Promise.all(
        chunks.map((ids) => baseDataProvider.getMany(resource, { ...params, ids }))
    );
    return { data: answers.flatMap((answer) => answer.data) };
};

export const dataProvider: DisputeDeskDataProvider = {
    ...baseDataProvider,
    getMany,
    update: (resource, params) =>
        resource === 'staff' ? updateStaff(resource, params) : baseDataProvider.update(resource, params),
    getTimeline: async (disputeId) => {
        const { json } = await httpClient(`${API_URL}/disputes/${encodeURIComponent(disputeId)}/timeline`);
        return json as TimelineEntry[];
    },
    resetStaffPassword: async (staffId, password) => {
        const { json } = await httpClient(`${API_URL}/staff/${encodeURIComponent(staffId)}/reset-password`, {
            method: 'POST',
            body: JSON.stringify({ password }),
        });
        return json as Staff;
    },
    verifyAuditChain: async () => {
        const { json } = await httpClient(`${API_URL}/audit-events/verify`);
        return json as AuditChainReport;
    },
    ...disputeWorkflow(API_URL, httpClient),
    ...evidenceWorkflow(API_URL, httpClient),
    ...rulingWorkflow(API_URL, httpClient),
};
