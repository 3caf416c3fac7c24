import StaffIcon from '@mui/icons-material/BadgeOutlined';
import type { Staff } from '../types';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
    list: StaffList,
    show: StaffShow,
    create: StaffCreate,
    edit: StaffEdit,
    icon: StaffIcon,
    recordRepresentation: (record: Staff) => record.fullName,
};
