import englishMessages from 'ra-language-english';
import { enApp } from './enApp';
import { enEnums } from './enEnums';
import { enResources } from './enResources';

export const en = {
    ...englishMessages,
    ra: {
        ...englishMessages.ra,
        // The default lower-cases the first letter, which garbles acronyms ("sLA").
        sort: { ...englishMessages.ra.sort, sort_by: 'Sort by %{field} %{order}' },
    },
    app: enApp,
    enums: enEnums,
    resources: enResources,
};

export type Messages = typeof en;
