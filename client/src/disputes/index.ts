import DisputeIcon from '@mui/icons-material/ReportProblemOutlined';
import type { Dispute } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./DisputeList'), 'DisputeList'),
    show: lazyView(() => import('./DisputeShow'), 'DisputeShow'),
    icon: DisputeIcon,
    recordRepresentation: (record: Dispute) => `#${record.id}`,
};
