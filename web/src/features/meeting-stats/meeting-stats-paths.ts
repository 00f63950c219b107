export const MEETING_STATS_PATH = '/thong-ke-hop';
