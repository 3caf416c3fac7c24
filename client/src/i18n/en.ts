import englishMessages from 'ra-language-english';
import { enApp } from './enApp';
import { enDashboard } from './enDashboard';
import { enEnums } from './enEnums';
import { enEvidenceExtras } from './enEvidenceExtras';
import { enRatings } from './enRatings';
import { enResources } from './enResources';
import { enRulings, mergeMessages } from './enRulings';
import { enLive } from './enLive';
import { enShortcuts } from './enShortcuts';
import { enSupervision } from './enSupervision';
import { enUsability } from './enUsability';

export const en = {
    ...englishMessages,
    ra: {
        ...englishMessages.ra,
        // The default lower-cases the first letter, which garbles acronyms ("sLA").
        sort: { ...englishMessages.ra.sort, sort_by: 'Sort by %{field} %{order}' },
    },
    app: enApp,
    ...enDashboard,
    supervision: enSupervision.supervision,
    shortcuts: enShortcuts,
    live: enLive,
    usability: enUsability,
    evidence_extras: enEvidenceExtras,
    enums: { ...enEnums, ...enRulings.enums },
    resources: mergeMessages(
        mergeMessages(mergeMessages(enResources, enRulings.resources), enRatings),
        enSupervision.resources
    ),
};

export type Messages = typeof en;
