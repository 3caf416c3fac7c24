import { z } from 'zod';
import { ROLES } from '../domain';
import { singleLineText } from './text';

export const PASSWORD_MIN_LENGTH = 12;

const password = z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(1024, 'is too long');

export const loginSchema = z.strictObject({
    email: singleLineText().trim().toLowerCase().email('must be an email address').max(254),
    password: z.string().min(1, 'is required').max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Unknown fields (id, passwordHash, …) are refused: no mass assignment. */
export const staffCreateSchema = z.strictObject({
    email: singleLineText().trim().toLowerCase().email('must be an email address').max(254),
    fullName: singleLineText().trim().min(1, 'is required').max(120),
    role: z.enum(ROLES),
    password,
});
export type StaffCreateInput = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = z
    .strictObject({
        fullName: singleLineText().trim().min(1, 'is required').max(120).optional(),
        role: z.enum(ROLES).optional(),
        active: z.boolean().optional(),
    })
    .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type StaffUpdateInput = z.infer<typeof staffUpdateSchema>;

export const passwordResetSchema = z.strictObject({ password });
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
