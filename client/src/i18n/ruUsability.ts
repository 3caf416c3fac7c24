/** Russian strings of the "usability" area (top-level key `usability`); the same keys as enUsability. */
export const ruUsability = {};
