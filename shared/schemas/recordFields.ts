import { z } from 'zod';

/** The field types of the records the console API sends (shared/schemas/records.ts). */
export const int = z.number().int();
export const isoDate = z.iso.datetime();
export const text = z.string();
export const json = z.record(z.string(), z.unknown());
