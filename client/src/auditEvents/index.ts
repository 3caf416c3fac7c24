import AuditIcon from '@mui/icons-material/HistoryEdu';
import type { AuditEvent } from '../types';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export default {
    list: AuditEventList,
    show: AuditEventShow,
    icon: AuditIcon,
    recordRepresentation: (record: AuditEvent) => `#${record.id}`,
};
