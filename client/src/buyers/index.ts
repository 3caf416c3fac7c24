import BuyerIcon from '@mui/icons-material/PersonOutline';
import type { Buyer } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./BuyerList'), 'BuyerList'),
    show: lazyView(() => import('./BuyerShow'), 'BuyerShow'),
    icon: BuyerIcon,
    recordRepresentation: (record: Buyer) => record.name,
};
