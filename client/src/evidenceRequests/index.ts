import EvidenceRequestIcon from '@mui/icons-material/AssignmentLateOutlined';
import type { EvidenceRequest } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./EvidenceRequestList'), 'EvidenceRequestList'),
    show: lazyView(() => import('./EvidenceRequestShow'), 'EvidenceRequestShow'),
    icon: EvidenceRequestIcon,
    recordRepresentation: (record: EvidenceRequest) => `#${record.id}`,
};
