import englishMessages from 'ra-language-english';
import { enApp } from './enApp';
import { enDashboard } from './enDashboard';
import { enEnums } from './enEnums';
import { enRatings } from './enRatings';
import { enResources } from './enResources';
import { enRulings, mergeMessages } from './enRulings';

export const en = {
    ...englishMessages,
    ra: {
        ...englishMessages.ra,
        // The default lower-cases the first letter, which garbles acronyms ("sLA").
        sort: { ...englishMessages.ra.sort, sort_by: 'Sort by %{field} %{order}' },
    },
    app: enApp,
    ...enDashboard,
    enums: { ...enEnums, ...enRulings.enums },
    resources: mergeMessages(mergeMessages(enResources, enRulings.resources), enRatings),
};

export type Messages = typeof en;
