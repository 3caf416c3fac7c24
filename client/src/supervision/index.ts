import QaIcon from '@mui/icons-material/FactCheckOutlined';
import QualityIcon from '@mui/icons-material/InsightsOutlined';
import { lazyView } from '../common/lazyView';

/** `<Resource name="qa-reviews" {...qaReviews} />`: the QA samples and verdicts. */
export const qaReviews = {
    list: lazyView(() => import('./QaReviewList'), 'QaReviewList'),
    icon: QaIcon,
};

/** `<Resource name="mediator-quality" {...mediatorQuality} />`: a page, not a list of records. */
export const mediatorQuality = {
    list: lazyView(() => import('./MediatorQualityPage'), 'MediatorQualityPage'),
    icon: QualityIcon,
};
