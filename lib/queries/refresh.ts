/** How often live views refetch while they are on screen. */
export const LIVE_REFRESH_MS = 5_000;
