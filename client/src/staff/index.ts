import StaffIcon from '@mui/icons-material/BadgeOutlined';
import type { Staff } from '../types';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
    list: StaffList,
    show: StaffShow,
    icon: StaffIcon,
    recordRepresentation: (record: Staff) => record.fullName,
};
