import type { enEnums } from '../i18n/enEnums';

/** Names of the translated enumerations: `enums.<EnumName>.<value>`. */
export type EnumName = keyof typeof enEnums;

export function enumLabelKey(enumName: EnumName, value: unknown): string {
    return `enums.${enumName}.${String(value)}`;
}

/** Choices for SelectInput / SelectArrayInput; react-admin translates the names. */
export function enumChoices(enumName: EnumName, values: readonly string[]) {
    return values.map((value) => ({ id: value, name: enumLabelKey(enumName, value) }));
}

/** "seller_timeout" → "Seller timeout": the fallback for values without a label. */
export function humanize(value: string): string {
    const text = value.replace(/[_.-]+/g, ' ').trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
}
