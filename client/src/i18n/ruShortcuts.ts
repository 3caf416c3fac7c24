/** Russian strings of the "shortcuts" area (top-level key `shortcuts`); the same keys as enShortcuts. */
export const ruShortcuts = {};
