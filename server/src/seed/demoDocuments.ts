import type { DisputeReason } from '../../../shared/domain';
import { minorUnitExponent } from '../../../shared/money';
import { DAY_MS } from '../../../shared/policy';
import type { Order } from '../entities';
import type { FileLibrary, StoredFile } from './files';
import type { PdfLine } from './pdf';
import type { Random } from './random';

function stamp(date: Date): string {
    return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** "RUB 12490.00", "JPY 18480": exact, from minor units, in plain ASCII for the PDF font. */
function amount(minor: number, currency: string): string {
    const exponent = minorUnitExponent(currency);
    const digits = String(minor).padStart(exponent + 1, '0');
    const whole = digits.slice(0, digits.length - exponent);
    return exponent ? `${currency} ${whole}.${digits.slice(-exponent)}` : `${currency} ${whole}`;
}

const LAST_SCAN: Partial<Record<DisputeReason, [number, string]>> = {
    tracking_not_updated: [8, 'Arrived at transit hub - ALMATY, KZ'],
    held_by_customs: [12, 'Held by customs - invoice and declaration required'],
    returned_to_sender: [15, 'Returned to sender - address incomplete'],
    delivered_to_wrong_address: [14, 'Delivered - parcel locker 4471, other city'],
    not_delivered_protection_ending: [10, 'In transit to destination country'],
};

/** The carrier's tracking page as a buyer would save it: the scans stop where the problem starts. */
export function trackingPdf(files: FileLibrary, order: Order, reason: DisputeReason): Promise<StoredFile> {
    const shipped = order.shippedAt ?? order.createdAt;
    const scan = (days: number) => stamp(new Date(shipped.getTime() + days * DAY_MS));
    const [lastDay, lastText] = LAST_SCAN[reason] ?? [9, 'Delivered to recipient'];
    const lines: PdfLine[] = [
        { text: `Tracking ${order.trackingNumber}`, size: 20, bold: true },
        { text: `Order ${order.externalId} - ${order.productTitle}` },
        { text: 'Carrier: China Post / destination postal service' },
        { text: 'Scan history', bold: true, gap: 14 },
        { text: `${scan(0)}   Accepted by carrier - SHENZHEN, CN` },
        { text: `${scan(2)}   Departed from sorting centre - GUANGZHOU, CN` },
        { text: `${scan(6)}   Export customs cleared` },
        { text: `${scan(lastDay)}   ${lastText}` },
        { text: `Printed ${stamp(new Date(shipped.getTime() + (lastDay + 9) * DAY_MS))}`, size: 9, gap: 20 },
    ];
    return files.pdf(`tracking-${order.trackingNumber}.pdf`, lines);
}

/** The seller's proof of shipment. */
export function receiptPdf(files: FileLibrary, order: Order, storeName: string, random: Random) {
    const lines: PdfLine[] = [
        { text: 'Shipment receipt', size: 20, bold: true },
        { text: `Sender: ${storeName}` },
        { text: `Order ${order.externalId}   Tracking ${order.trackingNumber}` },
        { text: 'Contents', bold: true, gap: 14 },
        { text: `${order.quantity} x ${order.productTitle}` },
        { text: `Declared value: ${amount(order.total, order.currency)}` },
        { text: `Weight: ${random.int(120, 2400)} g   Service: registered air mail` },
        { text: `Accepted ${stamp(order.shippedAt ?? order.createdAt)}`, gap: 14 },
    ];
    return files.pdf(`receipt-${order.externalId}.pdf`, lines);
}
