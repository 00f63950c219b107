/** The search page's address, also where documents opened from its results go back to. */
export const SEARCH_PATH = '/tra-cuu-van-ban';
