/** The demo password every test database is seeded with. */
export const TEST_PASSWORD = 'Test@Demo-2025';
