import type { ActorName, AuthzFixture } from './authzFixture.ts';
import type { TestApp } from './testApp.ts';

/** One response the authorization matrix received. */
export type Recorded = { route: string; actor: ActorName; status: number; text: string; json: unknown };

/** The public proof of one contribution names its item and project by id; that is all it shows. */
const PUBLIC_PROOF = 'GET /api/answers/{id}/proof';
/** The API's own schema names fields such as isGold; it holds no data. */
const SCHEMA = 'GET /api/openapi.json';

/**
 * What each response showed that its caller should not see, one line each; empty when nothing leaked.
 * Nobody but the other organization's requester sees its project; refusals name no project; and everyone but the
 * owning requester and the admin sees the owned projects only as a contributor does: the items it was given or
 * reviews, the answers it gave or reviews, never an external id, a gold answer or which items are gold.
 */
export async function leaksIn(t: TestApp, f: AuthzFixture, recorded: Recorded[]): Promise<string[]> {
  const owned = [f.projectId, f.examProjectId];
  const query = async <R>(sql: string) => (await t.db.query(sql, [owned])).rows as R[];
  const items = await query<{ id: string; externalId: string | null; text: string; gold: string | null }>(
    `select id::text, external_id as "externalId", data->>'text' as text, gold_answer->>'text' as gold
     from items where project_id = any($1::uuid[])`,
  );
  const answers = await query<{ id: string; userId: string; text: string }>(
    `select id::text, user_id as "userId", answer->>'text' as text from answers where project_id = any($1::uuid[])`,
  );
  const assigned = await query<{ userId: string; itemId: string }>(
    `select user_id as "userId", item_id::text as "itemId" from assignments where project_id = any($1::uuid[])`,
  );
  const reviewed = await query<{ userId: string; answerId: string; itemId: string }>(
    `select r.reviewer_id as "userId", r.answer_id::text as "answerId", a.item_id::text as "itemId"
     from reviews r join answers a on a.id = r.answer_id where r.project_id = any($1::uuid[])`,
  );
  const rivalItems = (
    await t.db.query<{ externalId: string; text: string }>(
      `select external_id as "externalId", data->>'text' as text from items where project_id = $1`,
      [f.rivalProjectId],
    )
  ).rows;
  const rivalSecrets = [
    f.rivalOrgId,
    f.rivalProjectId,
    f.names.rivalProject,
    f.names.rivalOrg,
    ...rivalItems.flatMap((i) => [i.externalId, i.text]),
  ];
  const golds = items.flatMap((i) => (i.gold ? [i.gold] : []));
  const itemIds = new Set(items.map((i) => i.id));
  const answerIds = new Set(answers.map((a) => a.id));

  const problems: string[] = [];
  for (const r of recorded) {
    const c = f.callers[r.actor];
    const shows = (what: string) => problems.push(`${r.actor} ${r.route} (${r.status}) shows ${what}`);
    if (r.text.includes(f.apiKey.key)) shows('an API key');
    if (r.actor !== 'otherRequester') {
      for (const s of rivalSecrets) if (r.text.includes(s)) shows(`the other organization's "${s}"`);
    } else if (r.text.includes(f.orgId)) shows(`the owning organization's id`);
    if (r.status >= 400)
      for (const s of [f.names.project, f.names.examProject])
        if (r.text.includes(s)) shows(`"${s}" in a refusal`);
    if (r.actor === 'requester' || r.actor === 'admin') continue;

    const mine = {
      items: new Set([
        ...assigned.filter((a) => a.userId === c.id).map((a) => a.itemId),
        ...reviewed.filter((x) => x.userId === c.id).map((x) => x.itemId),
      ]),
      answers: new Set([
        ...answers.filter((a) => a.userId === c.id).map((a) => a.id),
        ...reviewed.filter((x) => x.userId === c.id).map((x) => x.answerId),
      ]),
    };
    for (const g of golds) if (r.text.includes(g)) shows(`the gold answer "${g}"`);
    for (const i of items) {
      if (i.externalId && r.text.includes(i.externalId)) shows(`the external id "${i.externalId}"`);
      if (!mine.items.has(i.id) && r.text.includes(i.text))
        shows(`the text of item ${i.id}, not given to it`);
    }
    for (const a of answers)
      if (!mine.answers.has(a.id) && r.text.includes(a.text)) shows(`someone else's answer "${a.text}"`);
    if (r.route !== SCHEMA && /isGold|is_gold|goldAnswer|gold_answer/.test(r.text))
      shows('which items are gold');
    if (r.route === PUBLIC_PROOF) continue;
    const ids = idsIn(r.json);
    for (const id of ids.items) if (itemIds.has(id) && !mine.items.has(id)) shows(`item id ${id}`);
    for (const id of ids.answers) if (answerIds.has(id) && !mine.answers.has(id)) shows(`answer id ${id}`);
  }
  return problems;
}

/** The item and answer ids a JSON body names, in the fields the API uses for them. */
function idsIn(json: unknown, found = { items: new Set<string>(), answers: new Set<string>() }) {
  if (Array.isArray(json)) for (const v of json) idsIn(v, found);
  else if (json && typeof json === 'object')
    for (const [key, value] of Object.entries(json)) {
      if ((key === 'itemId' || key === 'item_id') && value !== null) found.items.add(String(value));
      if ((key === 'answerId' || key === 'answer_id') && value !== null) found.answers.add(String(value));
      if (key === 'item' && value && typeof value === 'object' && 'id' in value)
        found.items.add(String(value.id));
      idsIn(value, found);
    }
  return found;
}
