import type { MediatorQuality } from '../../../shared/mediatorQuality';
import type { QaReviewRecord, QaSampleInput, QaVerdictInput } from '../../../shared/schemas/qa';
import { httpClient } from '../dataProvider';

export interface QaSample extends QaSampleInput {
    sampleId: string;
    reviews: QaReviewRecord[];
}

export interface MediatorQualityRow extends MediatorQuality {
    id: number;
    mediatorName: string | null;
}

export interface MediatorQualityAnswer {
    from: string;
    to: string;
    thresholds: { refundGapPoints: number; overturnFactor: number; minAgreementPercent: number };
    mediators: MediatorQualityRow[];
}

const post = async <T>(url: string, body: object): Promise<T> => {
    const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
    return json as T;
};

/** `POST /api/qa-samples`: a random sample of the period's decisions, for the signed-in supervisor. */
export const drawQaSample = (input: QaSampleInput) => post<QaSample>('/api/qa-samples', input);

/** `POST /api/qa-reviews/:id/verdict`: the reviewer's agree / disagree (with a comment). */
export const answerQaReview = (id: number, input: QaVerdictInput) =>
    post<QaReviewRecord>(`/api/qa-reviews/${encodeURIComponent(id)}/verdict`, input);

/** `GET /api/mediator-quality?from&to`. */
export async function fetchMediatorQuality(from: string, to: string): Promise<MediatorQualityAnswer> {
    const query = new URLSearchParams({ from, to });
    const { json } = await httpClient(`/api/mediator-quality?${query.toString()}`);
    return json as MediatorQualityAnswer;
}

/** A day as YYYY-MM-DD (UTC), `days` from today. */
export function dayFromToday(days = 0): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
