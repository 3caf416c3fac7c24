import { httpClient } from '../dataProvider';
import type { Buyer } from '../types';

/** `POST /api/buyers/:id/block` or `/unblock` with the reason; the buyer as it is now. */
export async function setBuyerBlocked(id: number, block: boolean, reason: string): Promise<Buyer> {
    const { json } = await httpClient(`/api/buyers/${id}/${block ? 'block' : 'unblock'}`, {
        method: 'POST',
        body: JSON.stringify({ reason }),
    });
    return json as Buyer;
}
