/** English strings of the "shortcuts" area (top-level key `shortcuts`). */
export const enShortcuts = {};
