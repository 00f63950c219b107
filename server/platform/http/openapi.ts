import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const API_VERSION = '0.1.0';

/** OpenAPI 3.1 from the routes' zod schemas (rule 10); served at /api/openapi.json and /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Văn phòng số API',
        version: API_VERSION,
        description:
          'API của Văn phòng số. Đăng nhập bằng `login` (cookie phiên + mã CSRF gửi trong `x-csrf-token`) hoặc dùng mã truy cập API trong `Authorization: Bearer …`. Lỗi trả về dạng `application/problem+json` với `code` ổn định và `title` tiếng Việt.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vps_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
}
