/** A hand-written single-page PDF 1.4 (Helvetica, WinAnsi): enough for a receipt or tracking printout. */

function escapeText(text: string): string {
    const latin1 = text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
    return latin1.replace(/[\\()]/g, (c) => '\\' + c);
}

export interface PdfLine {
    text: string;
    size?: number;
    bold?: boolean;
    /** Extra space before the line, in points. */
    gap?: number;
}

/** Content stream: a header bar, then the lines top-down. */
function contentStream(lines: readonly PdfLine[]): string {
    const ops = ['0.17 0.24 0.31 rg', '0 792 612 -70 re f', '0.85 0.85 0.85 RG', '1 w'];
    let y = 760;
    lines.forEach((line, index) => {
        const size = line.size ?? 11;
        y -= (line.gap ?? 0) + (index === 0 ? 0 : size + 6);
        const color = index === 0 ? '1 1 1 rg' : '0.1 0.1 0.1 rg';
        ops.push(
            `BT /${line.bold ? 'F2' : 'F1'} ${size} Tf ${color} 50 ${y} Td (${escapeText(line.text)}) Tj ET`
        );
        if (index === 0) y = 700;
        else if (line.bold) ops.push(`50 ${y - 5} m 562 ${y - 5} l S`);
    });
    return ops.join('\n');
}

export function buildPdf(lines: readonly PdfLine[], title = lines[0]?.text ?? 'Document'): Buffer {
    const stream = Buffer.from(contentStream(lines), 'latin1');
    const objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
            '/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
        `<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
        `<< /Title (${escapeText(title)}) /Producer (Dispute Desk demo seed) >>`,
    ];
    let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((object, index) => {
        offsets.push(Buffer.byteLength(body, 'latin1'));
        body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = Buffer.byteLength(body, 'latin1');
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
    body += `startxref\n${xref}\n%%EOF\n`;
    return Buffer.from(body, 'latin1');
}
