import EvidenceRequestIcon from '@mui/icons-material/AssignmentLateOutlined';
import type { EvidenceRequest } from '../types';
import { EvidenceRequestList } from './EvidenceRequestList';
import { EvidenceRequestShow } from './EvidenceRequestShow';

export default {
    list: EvidenceRequestList,
    show: EvidenceRequestShow,
    icon: EvidenceRequestIcon,
    recordRepresentation: (record: EvidenceRequest) => `#${record.id}`,
};
