import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 3000, dataDir: './data', databaseUrl: undefined, demoPassword: DEFAULT_DEMO_PASSWORD, seedDemo: true });
  });

  it('refuses bad values with a Vietnamese message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Cấu hình không hợp lệ[\s\S]*PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
  });

  it('refuses production without a session secret or with demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const secret = 's'.repeat(40);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, SEED_DEMO: 'true' })).toThrow(/mật khẩu mẫu mặc định/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, SEED_DEMO: 'true', DEMO_PASSWORD: 'Khac@Biet-2025' })).toThrow(/dữ liệu mẫu/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({ env: 'production', seedDemo: false });
  });
});
