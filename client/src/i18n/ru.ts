import { mergeMessages } from './enRulings';
import { ruApp } from './ruApp';
import { ruDashboard } from './ruDashboard';
import { ruEnums } from './ruEnums';
import { ruEvidenceExtras } from './ruEvidenceExtras';
import { ruLive } from './ruLive';
import { ruRatings } from './ruRatings';
import { ruReactAdmin } from './ruReactAdmin';
import { ruResources } from './ruResources';
import { ruRulings } from './ruRulings';
import { ruShortcuts } from './ruShortcuts';
import { ruSupervision } from './ruSupervision';
import { ruUsability } from './ruUsability';

/** The Russian catalogue: the same keys as en.ts, assembled the same way. */
export const ru = {
    ...ruReactAdmin,
    app: ruApp,
    ...ruDashboard,
    supervision: ruSupervision.supervision,
    shortcuts: ruShortcuts,
    live: ruLive,
    usability: ruUsability,
    evidence_extras: ruEvidenceExtras,
    enums: { ...ruEnums, ...ruRulings.enums },
    resources: mergeMessages(
        mergeMessages(mergeMessages(ruResources, ruRulings.resources), ruRatings),
        ruSupervision.resources
    ),
};
