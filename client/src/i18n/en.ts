import englishMessages from 'ra-language-english';
import { enApp } from './enApp';
import { enDashboard } from './enDashboard';
import { enEnums } from './enEnums';
import { enRatings } from './enRatings';
import { enResources } from './enResources';
import { enRulings, mergeMessages } from './enRulings';
import { enSupervision } from './enSupervision';

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
    enums: { ...enEnums, ...enRulings.enums },
    resources: mergeMessages(
        mergeMessages(mergeMessages(enResources, enRulings.resources), enRatings),
        enSupervision.resources
    ),
};

export type Messages = typeof en;
