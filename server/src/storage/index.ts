import path from 'node:path';
import { LocalDiskStorage } from './localDiskStorage';
import type { Storage } from './Storage';

export * from './Storage';
export { LocalDiskStorage } from './localDiskStorage';

/** The configured store: files under `<DATA_DIR>/files` (an S3-compatible store would be chosen here). */
export function storageFromConfig(config: { dataDir: string }): Storage {
    return new LocalDiskStorage(path.join(config.dataDir, 'files'));
}
