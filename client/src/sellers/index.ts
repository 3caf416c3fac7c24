import SellerIcon from '@mui/icons-material/StorefrontOutlined';
import type { Seller } from '../types';
import { SellerList } from './SellerList';
import { SellerShow } from './SellerShow';

export default {
    list: SellerList,
    show: SellerShow,
    icon: SellerIcon,
    recordRepresentation: (record: Seller) => record.storeName,
};
