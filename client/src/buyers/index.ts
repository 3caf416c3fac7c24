import BuyerIcon from '@mui/icons-material/PersonOutline';
import type { Buyer } from '../types';
import { BuyerList } from './BuyerList';
import { BuyerShow } from './BuyerShow';

export default {
    list: BuyerList,
    show: BuyerShow,
    icon: BuyerIcon,
    recordRepresentation: (record: Buyer) => record.name,
};
