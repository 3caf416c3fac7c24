import AuditIcon from '@mui/icons-material/HistoryEdu';
import type { AuditEvent } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./AuditEventList'), 'AuditEventList'),
    show: lazyView(() => import('./AuditEventShow'), 'AuditEventShow'),
    icon: AuditIcon,
    recordRepresentation: (record: AuditEvent) => `#${record.id}`,
};
