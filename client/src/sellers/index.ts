import SellerIcon from '@mui/icons-material/StorefrontOutlined';
import type { Seller } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./SellerList'), 'SellerList'),
    show: lazyView(() => import('./SellerShow'), 'SellerShow'),
    icon: SellerIcon,
    recordRepresentation: (record: Seller) => record.storeName,
};
