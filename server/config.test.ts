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

  it('reads the remote-signing services as JSON, and wants https for them in production', () => {
    const services = [{ id: 'vnpt-smartca', name: 'VNPT SmartCA', url: 'https://ca.example.vn/csc/v1' }];
    expect(loadConfig({}).remoteSigningServices).toEqual([]);
    expect(loadConfig({ REMOTE_SIGNING_SERVICES: JSON.stringify(services) }).remoteSigningServices).toEqual(services);
    expect(() => loadConfig({ REMOTE_SIGNING_SERVICES: '[{' })).toThrow(/REMOTE_SIGNING_SERVICES: không phải JSON/);
    expect(() => loadConfig({ REMOTE_SIGNING_SERVICES: JSON.stringify([{ id: 'A B', name: 'x', url: 'ftp://x' }]) })).toThrow(/REMOTE_SIGNING_SERVICES 0\.id[\s\S]*0\.url/);
    expect(() => loadConfig({ REMOTE_SIGNING_SERVICES: JSON.stringify([...services, ...services]) })).toThrow(/mỗi dịch vụ một id riêng/);
    const secret = 's'.repeat(40);
    const plain = JSON.stringify([{ ...services[0], url: 'http://ca.example.vn/csc/v1' }]);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, REMOTE_SIGNING_SERVICES: plain })).toThrow(/vnpt-smartca phải dùng https/);
  });
});
