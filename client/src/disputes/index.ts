import DisputeIcon from '@mui/icons-material/ReportProblemOutlined';
import type { Dispute } from '../types';
import { DisputeList } from './DisputeList';
import { DisputeShow } from './DisputeShow';

export default {
    list: DisputeList,
    show: DisputeShow,
    icon: DisputeIcon,
    recordRepresentation: (record: Dispute) => `#${record.id}`,
};
