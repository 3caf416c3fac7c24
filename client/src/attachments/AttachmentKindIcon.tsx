import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import MovieOutlinedIcon from '@mui/icons-material/MovieOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import type { SvgIconProps } from '@mui/material';
import type { AttachmentKind } from '../../../shared/domain';

const ICONS: Record<AttachmentKind, typeof ImageOutlinedIcon> = {
    image: ImageOutlinedIcon,
    video: MovieOutlinedIcon,
    pdf: PictureAsPdfOutlinedIcon,
};

export const AttachmentKindIcon = ({ kind, ...props }: { kind: AttachmentKind } & SvgIconProps) => {
    const Icon = ICONS[kind] ?? InsertDriveFileOutlinedIcon;
    return <Icon {...props} />;
};
