/** The API tokens page: in the administration group of the menu and in the account menu. */
export const API_TOKENS_PATH = '/quan-tri/ma-truy-cap-api';
