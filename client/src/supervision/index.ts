import QaIcon from '@mui/icons-material/FactCheckOutlined';
import QualityIcon from '@mui/icons-material/InsightsOutlined';
import { MediatorQualityPage } from './MediatorQualityPage';
import { QaReviewList } from './QaReviewList';

/** `<Resource name="qa-reviews" {...qaReviews} />`: the QA samples and verdicts. */
export const qaReviews = {
    list: QaReviewList,
    icon: QaIcon,
};

/** `<Resource name="mediator-quality" {...mediatorQuality} />`: a page, not a list of records. */
export const mediatorQuality = {
    list: MediatorQualityPage,
    icon: QualityIcon,
};
