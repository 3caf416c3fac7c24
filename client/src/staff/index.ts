import StaffIcon from '@mui/icons-material/BadgeOutlined';
import type { Staff } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./StaffList'), 'StaffList'),
    show: lazyView(() => import('./StaffShow'), 'StaffShow'),
    create: lazyView(() => import('./StaffCreate'), 'StaffCreate'),
    edit: lazyView(() => import('./StaffEdit'), 'StaffEdit'),
    icon: StaffIcon,
    recordRepresentation: (record: Staff) => record.fullName,
};
