/** Russian strings of the "live" area (top-level key `live`); the same keys as enLive. */
export const ruLive = {};
