/** English strings of the "usability" area (top-level key `usability`). */
export const enUsability = {};
