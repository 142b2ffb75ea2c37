import type { AccountStore, ApiKeyRow, Membership, UserRow } from '../usecases/ports.ts';
import type { Db } from './pool.ts';

const USER_COLUMNS = `u.id, u.address, u.display_name as "displayName", u.is_admin as "isAdmin",
  u.is_reviewer as "isReviewer", u.level, u.xp::int as xp`;

/** Accounts, sessions, organizations and API keys in PostgreSQL. */
export function accountStore(db: Db): AccountStore {
  return {
    async issueNonce(nonce, issuedAt, expiresAt) {
      await db.query('insert into auth_nonces (nonce, issued_at, expires_at) values ($1, $2, $3)', [
        nonce,
        issuedAt,
        expiresAt,
      ]);
    },
    async consumeNonce(nonce, now) {
      const r = await db.query(
        'update auth_nonces set used_at = $2 where nonce = $1 and used_at is null and expires_at > $2',
        [nonce, now],
      );
      return r.rowCount === 1;
    },
    async upsertUser(address, displayName) {
      const r = await db.query<UserRow>(
        `insert into users as u (address, display_name) values ($1, $2)
         on conflict (address) do update set display_name = coalesce(u.display_name, excluded.display_name)
         returning ${USER_COLUMNS}`,
        [address, displayName],
      );
      return r.rows[0]!;
    },
    async setUserRoles(userId, roles) {
      await db.query(
        `update users set is_admin = coalesce($2, is_admin), is_reviewer = coalesce($3, is_reviewer),
           level = coalesce($4, level), base_level = coalesce($4, base_level) where id = $1`,
        [userId, roles.isAdmin ?? null, roles.isReviewer ?? null, roles.level ?? null],
      );
    },
    async createSession(tokenHash, userId, now, expiresAt) {
      await db.query(
        'insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)',
        [tokenHash, userId, now, expiresAt],
      );
    },
    async deleteSession(tokenHash) {
      await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    },
    async userBySession(tokenHash, now) {
      // One round trip for the user and their organizations: this runs on every signed-in request.
      const r = await db.query<UserRow & { orgs: Membership[] }>(
        `select ${USER_COLUMNS}, coalesce((
             select json_agg(json_build_object('id', o.id, 'name', o.name, 'role', m.role) order by o.created_at)
             from memberships m join organizations o on o.id = m.org_id where m.user_id = u.id), '[]') as orgs
         from sessions s join users u on u.id = s.user_id where s.token_hash = $1 and s.expires_at > $2`,
        [tokenHash, now],
      );
      return r.rows[0] ?? null;
    },
    async userByApiKey(keyHash, now) {
      const r = await db.query<UserRow & { orgId: string }>(
        `update api_keys k set last_used_at = $2 from users u
         where k.key_hash = $1 and k.revoked_at is null and u.id = k.user_id
         returning ${USER_COLUMNS}, k.org_id as "orgId"`,
        [keyHash, now],
      );
      const row = r.rows[0];
      if (!row) return null;
      const { orgId, ...user } = row;
      return { user, orgId };
    },
    async memberships(userId) {
      const r = await db.query<Membership>(
        `select o.id, o.name, m.role from memberships m join organizations o on o.id = m.org_id
         where m.user_id = $1 order by o.created_at`,
        [userId],
      );
      return r.rows;
    },
    async createOrg(name, ownerId) {
      const r = await db.query<{ id: string }>(
        `with o as (insert into organizations (name) values ($1) returning id)
         insert into memberships (org_id, user_id, role) select id, $2, 'owner' from o returning org_id as id`,
        [name, ownerId],
      );
      return { id: r.rows[0]!.id, name, role: 'owner' };
    },
    async addMember(orgId, userId, role) {
      await db.query(
        'insert into memberships (org_id, user_id, role) values ($1, $2, $3) on conflict (org_id, user_id) do update set role = $3',
        [orgId, userId, role],
      );
    },
    async createApiKey(key) {
      const r = await db.query<ApiKeyRow>(
        `insert into api_keys (org_id, user_id, name, prefix, key_hash) values ($1, $2, $3, $4, $5)
         returning id, name, prefix, created_at as "createdAt", last_used_at as "lastUsedAt"`,
        [key.orgId, key.userId, key.name, key.prefix, key.keyHash],
      );
      return r.rows[0]!;
    },
    async revokeApiKey(orgId, keyId, now) {
      const r = await db.query(
        'update api_keys set revoked_at = $3 where org_id = $1 and id = $2 and revoked_at is null',
        [orgId, keyId, now],
      );
      return r.rowCount === 1;
    },
    async listApiKeys(orgId) {
      const r = await db.query<ApiKeyRow>(
        `select id, name, prefix, created_at as "createdAt", last_used_at as "lastUsedAt" from api_keys
         where org_id = $1 and revoked_at is null order by created_at desc`,
        [orgId],
      );
      return r.rows;
    },
  };
}
