import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';

export const tenants = pgTable('tenants', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  identifierCode: text('identifier_code'),
  createdAt: createdAt(),
});

export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    parentId: uuid('parent_id'),
    type: text('type').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    identifierCode: text('identifier_code'),
    address: text('address'),
    // lower-case, accent-free copy for search (f_unaccent of migration 0001)
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(name || ' ' || short_name)`),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agencies_tenant_idx').on(t.tenantId, t.type, t.sortOrder),
    uniqueIndex('agencies_identifier_code_uq')
      .on(t.tenantId, t.identifierCode)
      .where(sql`${t.identifierCode} is not null`),
  ],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('units_agency_idx').on(t.tenantId, t.agencyId)],
);

export const positions = pgTable(
  'positions',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    rank: integer('rank').notNull().default(100),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('positions_name_uq').on(t.tenantId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    // Usernames are unique across tenants: the login form does not ask for a province.
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    positionId: uuid('position_id').references(() => positions.id),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    searchText: text('search_text').generatedAlwaysAs(sql`f_unaccent(full_name || ' ' || username)`),
    deactivatedAt: instant('deactivated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_tenant_idx').on(t.tenantId, t.agencyId, t.unitId)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);
