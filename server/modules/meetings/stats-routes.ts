import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { MeetingStatsQuery, MeetingStatsResponse } from './stats-schemas.js';
import { getMeetingStats } from './stats-service.js';

export function meetingStatsRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = typed(app);
  const { db } = deps;
  r.get('/api/meetings/stats', {
    schema: {
      operationId: 'getMeetingStats',
      summary: 'Thống kê trong kỳ: cuộc họp, hội nghị theo loại, bình quân mỗi ngày làm việc, họp trực tuyến và điểm cầu, đoàn công tác, nhiệm vụ theo cơ quan',
      tags: ['Thống kê họp, đoàn công tác'],
      querystring: MeetingStatsQuery,
      response: { 200: MeetingStatsResponse, ...problems(400, 401, 403) },
    },
    handler: (req) => getMeetingStats(ctxOf(db, req), req.query),
  });
}
