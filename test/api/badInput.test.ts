import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// The contract for bad input: every refusal is a 4xx `{ error: { code, message, details } }` a person can act on,
// never a 500; and a requester only ever sees their own organizations' projects and data.

let t: TestApp;
let requester: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
  alice = await t.signIn('alice');
  bob = await t.signIn('bob');
});
afterAll(() => t.close());

async function createProject(overrides: Record<string, unknown> = {}, cookie = requester) {
  const r = await t.call('POST', '/api/projects', { cookie, body: sentimentProject(overrides) });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

async function importText(projectId: string, format: string, raw: string, cookie = requester) {
  return t.call('POST', `/api/projects/${projectId}/items?format=${format}`, { cookie, raw });
}

async function projectWithItems(overrides: Record<string, unknown> = {}, lines = ['{"text":"good"}']) {
  const id = await createProject(overrides);
  expect((await importText(id, 'jsonl', lines.join('\n'))).status).toBe(200);
  return id;
}

/** Sends raw bytes (not UTF-8 text) as an import file. */
async function importBytes(projectId: string, format: string, bytes: Uint8Array) {
  const response = await t.app.request(
    `http://caravan.test/api/projects/${projectId}/items?format=${format}`,
    {
      method: 'POST',
      headers: { host: 'caravan.test', cookie: requester, 'content-type': 'application/octet-stream' },
      body: bytes as Uint8Array<ArrayBuffer>,
    },
  );
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) };
}

/** A refusal in the documented shape: 4xx, a code, a non-empty message, no internals. */
function expectRefusal(r: { status: number; json: unknown; text: string }, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  const body = r.json as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(r.text).not.toMatch(/ at .*\.ts:\d+|select |insert |update .* set|DatabaseError/i);
}

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

describe('POST /api/projects', () => {
  it('refuses a body that is not JSON', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      headers: { 'content-type': 'application/json' },
      body: undefined,
    });
    // no body at all with a JSON content type
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const broken = await t.app.request('http://caravan.test/api/projects', {
      method: 'POST',
      headers: { host: 'caravan.test', cookie: requester, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a JSON array, a number or null as the body', async () => {
    for (const body of [[], 5, null]) {
      const r = await t.call('POST', '/api/projects', { cookie: requester, body });
      expectRefusal(r, 400, 'VALIDATION_FAILED');
    }
  });

  it('says which content type to send when it is not JSON', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      raw: JSON.stringify(sentimentProject()),
    });
    expect(r.status).toBe(415);
    expect(r.json.error.message).toMatch(/application\/json/);
  });

  it('refuses wrong types, negative and huge numbers naming the field', async () => {
    for (const [field, value] of [
      ['overlap', '3'],
      ['overlap', -1],
      ['overlap', 1e20],
      ['leaseSeconds', 1e20],
      ['dailyCap', 0],
      ['rewardPerItemWei', 1000],
      ['rewardPerItemWei', '9'.repeat(79)],
      ['name', 'x'.repeat(5000)],
      ['languages', ['english']],
      ['orgId', 'not-a-uuid'],
    ] as const) {
      const r = await t.call('POST', '/api/projects', {
        cookie: requester,
        body: sentimentProject({ [field]: value }),
      });
      expectRefusal(r, 400, 'VALIDATION_FAILED');
      expect(r.json.error.details.map((d: { path: (string | number)[] }) => d.path[0])).toContain(field);
    }
  });

  it('refuses an amount that is not a whole decimal string as an amount error, not a JSON error', async () => {
    for (const value of ['abc', '1.5', '1e18']) {
      const r = await t.call('POST', '/api/projects', {
        cookie: requester,
        body: sentimentProject({ rewardPerItemWei: value }),
      });
      expectRefusal(r, 400, 'VALIDATION_FAILED');
      expect(r.json.error.message).not.toMatch(/not valid JSON/);
      expect(r.json.error.message).toMatch(/rewardPerItemWei/);
      expect(r.json.error.details.map((d: { path: string[] }) => d.path.join('.'))).toContain(
        'rewardPerItemWei',
      );
    }
  });

  it('refuses a deadline in the past or an impossible date', async () => {
    for (const deadline of [
      '2001-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2030-02-30T00:00:00Z',
      'tomorrow',
    ]) {
      const r = await t.call('POST', '/api/projects', {
        cookie: requester,
        body: sentimentProject({ deadline }),
      });
      expectRefusal(r, 400, 'VALIDATION_FAILED');
    }
  });

  it('keeps unicode names as sent', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ name: 'Привет 🎉 名前' }),
    });
    expect(r.status).toBe(201);
    expect(r.json.name).toBe('Привет 🎉 名前');
  });

  it('refuses text fields with a NUL character with a 400, not a 500', async () => {
    for (const overrides of [
      { name: `abc${NUL}def` },
      { instructions: `read${NUL}me` },
      { description: `x${NUL}` },
      { domains: [`news${NUL}`] },
    ]) {
      const r = await t.call('POST', '/api/projects', {
        cookie: requester,
        body: sentimentProject(overrides),
      });
      expectRefusal(r, 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a multiple-choice setup no answer can satisfy', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({
        annotation: {
          method: 'multi_choice',
          config: {
            choices: [
              { value: 'a', label: 'A' },
              { value: 'b', label: 'B' },
            ],
            minSelected: 5,
            maxSelected: 1,
          },
        },
      }),
    });
    expectRefusal(r, 400, 'VALIDATION_FAILED');
  });

  it('refuses an organization the requester is not in', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ orgId: '00000000-0000-4000-8000-000000000000' }),
    });
    expectRefusal(r, 403, 'FORBIDDEN');
  });

  it('accepts an exam needing more questions than there are gold items, and says so when it is started', async () => {
    const id = await projectWithItems({ exam: { enabled: true, questionCount: 100 } }, [
      '{"text":"x"}',
      '{"text":"g","gold":{"choice":"pos"}}',
    ]);
    const r = await t.call('POST', `/api/tasks/${id}/exam`, { cookie: alice });
    expectRefusal(r, 409, 'EXAM_NOT_AVAILABLE');
    expect(r.json.error.message).toMatch(/1 of the 100 gold items/);
  });
});

describe('organizations and API keys', () => {
  it('refuses names with a NUL character with a 400, not a 500', async () => {
    expectRefusal(
      await t.call('POST', '/api/orgs', { cookie: alice, body: { name: `Org${NUL}` } }),
      400,
      'VALIDATION_FAILED',
    );
    const org = (await t.call('GET', '/api/me', { cookie: requester })).json.orgs[0].id;
    expectRefusal(
      await t.call('POST', `/api/orgs/${org}/api-keys`, { cookie: requester, body: { name: `key${NUL}` } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses ids that are not UUIDs and organizations that are not yours', async () => {
    expectRefusal(
      await t.call('POST', '/api/orgs/abc/api-keys', { cookie: requester, body: { name: 'k' } }),
      400,
      'VALIDATION_FAILED',
    );
    const other = '00000000-0000-4000-8000-000000000000';
    expectRefusal(
      await t.call('POST', `/api/orgs/${other}/api-keys`, { cookie: requester, body: { name: 'k' } }),
      403,
      'FORBIDDEN',
    );
    expectRefusal(
      await t.call('GET', `/api/orgs/${other}/api-keys`, { cookie: requester }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('POST /api/projects/:id/items', () => {
  it('reads CRLF line endings, a BOM and empty lines', async () => {
    const id = await createProject();
    const r = await importText(
      id,
      'jsonl',
      '\uFEFF{"id":"c1","text":"a"}\r\n\r\n\r\n{"id":"c2","text":"b"}\r\n',
    );
    expect(r.status).toBe(200);
    expect(r.json.imported).toBe(2);
    const csv = await importText(id, 'csv', '\uFEFFid,text\r\ncsv1,hello\r\n\r\ncsv2,world\r\n');
    expect(csv.status).toBe(200);
    expect(csv.json.imported).toBe(2);
  });

  it('refuses lines that are arrays, numbers, strings or null, naming the line', async () => {
    const id = await createProject();
    const r = await importText(id, 'jsonl', '{"text":"ok"}\n[1,2]\n5\n"str"\nnull');
    expectRefusal(r, 422, 'IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/^line 2: each item must be a JSON object/);
    expect(r.json.error.details.problems).toHaveLength(4);
  });

  it('refuses a missing or unknown format', async () => {
    const id = await createProject();
    expectRefusal(
      await t.call('POST', `/api/projects/${id}/items`, { cookie: requester, raw: '{"text":"a"}' }),
      400,
      'VALIDATION_FAILED',
    );
    expectRefusal(await importText(id, 'xml', '{"text":"a"}'), 400, 'VALIDATION_FAILED');
  });

  it('stores a 10 MB single line', async () => {
    const id = await createProject();
    const r = await importText(id, 'jsonl', JSON.stringify({ text: 'a'.repeat(10_000_000) }));
    expect(r.status).toBe(200);
    expect(r.json.imported).toBe(1);
  });

  it('refuses item text with a NUL character naming the line, not a 500', async () => {
    const id = await createProject();
    const r = await importText(id, 'jsonl', '{"text":"fine"}\n{"text":"a\\u0000b"}');
    expectRefusal(r, 422, 'IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/^line 2/);
  });

  it('refuses an item id with a NUL character, not a 500', async () => {
    const id = await createProject();
    expectRefusal(await importText(id, 'jsonl', '{"id":"n\\u0000","text":"a"}'), 422, 'IMPORT_INVALID');
  });

  it('refuses a lone UTF-16 surrogate in item data, not a 500', async () => {
    const id = await createProject();
    expectRefusal(await importText(id, 'jsonl', '{"text":"a\\ud800b"}'), 422, 'IMPORT_INVALID');
    expectRefusal(await importText(id, 'jsonl', '{"text":"a","\\udc00":1}'), 422, 'IMPORT_INVALID');
  });

  it('refuses a CSV cell with a NUL byte, not a 500', async () => {
    const id = await createProject();
    expectRefusal(await importText(id, 'csv', `id,text\nr1,a${NUL}b\n`), 422, 'IMPORT_INVALID');
  });

  it('streams a clear refusal for a NUL character too', async () => {
    const id = await createProject();
    const r = await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
      cookie: requester,
      raw: '{"text":"a\\u0000b"}',
      headers: { accept: 'application/x-ndjson' },
    });
    const last = JSON.parse(r.text.trim().split('\n').at(-1)!);
    expect(last.error.code).toBe('IMPORT_INVALID');
  });

  it('refuses a CSV whose header repeats a column instead of dropping one silently', async () => {
    const id = await createProject();
    const r = await importText(id, 'csv', 'text,text\nfirst,second\n');
    expectRefusal(r, 422, 'IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/text/);
  });

  it('refuses a CSV without the required header column, or with ragged rows, naming the line', async () => {
    const id = await createProject();
    const missing = await importText(id, 'csv', 'a good film\nanother one\n');
    expectRefusal(missing, 422, 'IMPORT_INVALID');
    expect(missing.json.error.message).toMatch(/missing "text"/);
    const ragged = await importText(id, 'csv', 'id,text\nr1,a,extra\n');
    expectRefusal(ragged, 422, 'IMPORT_INVALID');
    expect(ragged.json.error.message).toMatch(/^line 2/);
    expectRefusal(await importText(id, 'csv', 'id,text\nq1,"abc\n'), 422, 'IMPORT_INVALID');
    expectRefusal(await importText(id, 'csv', 'id,text\n'), 422, 'IMPORT_INVALID');
    expectRefusal(await importText(id, 'csv', ''), 422, 'IMPORT_INVALID');
  });

  it('refuses a file that is not UTF-8 instead of storing replacement characters', async () => {
    const id = await createProject();
    // {"text":"café"} in Latin-1: é is the single byte 0xE9
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"text":"caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    const r = await importBytes(id, 'jsonl', latin1);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/UTF-8/);
  });

  it('refuses a numeric item id that JSON numbers cannot hold exactly', async () => {
    const id = await createProject();
    const r = await importText(id, 'jsonl', '{"id":12345678901234567891,"text":"a"}');
    expectRefusal(r, 422, 'IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/id/);
  });

  it('takes a Label Studio file that is one task object, and refuses one that is a number', async () => {
    const id = await createProject();
    const one = await importText(id, 'labelstudio', '{"id":"ls1","data":{"text":"x"}}');
    expect(one.status).toBe(200);
    expect(one.json.imported).toBe(1);
    expectRefusal(await importText(id, 'labelstudio', '42'), 422, 'IMPORT_INVALID');
    expectRefusal(await importText(id, 'labelstudio', '[{"data":"x"}]'), 422, 'IMPORT_INVALID');
    expectRefusal(await importText(id, 'labelstudio', '{"data":'), 422, 'IMPORT_INVALID');
  });

  it('refuses imports into a closed project', async () => {
    const id = await createProject();
    await t.call('PATCH', `/api/projects/${id}`, { cookie: requester, body: { status: 'closed' } });
    expectRefusal(await importText(id, 'jsonl', '{"text":"late"}'), 409, 'PROJECT_NOT_ACTIVE');
  });
});

describe('query parameters and ids', () => {
  it('refuses bad limits and cursors', async () => {
    const id = await projectWithItems();
    for (const q of [
      'limit=0',
      'limit=abc',
      'limit=-1',
      'limit=501',
      'limit=1.5',
      'cursor=-1',
      'cursor=abc',
    ]) {
      expectRefusal(
        await t.call('GET', `/api/projects/${id}/items?${q}`, { cookie: requester }),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('refuses a cursor beyond the id range with a 400, not a 500', async () => {
    const id = await projectWithItems();
    for (const cursor of ['99999999999999999999', '9223372036854775808']) {
      expectRefusal(
        await t.call('GET', `/api/projects/${id}/items?cursor=${cursor}`, { cookie: requester }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectRefusal(
      await t.call('GET', '/api/me/history?cursor=99999999999999999999', { cookie: alice }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses export formats other than jsonl and csv', async () => {
    const id = await createProject();
    expectRefusal(
      await t.call('GET', `/api/projects/${id}/export?format=xml`, { cookie: requester }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses ids that are not UUIDs or numbers, and answers 404 for ids that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectRefusal(await t.call('GET', '/api/projects/abc', { cookie: requester }), 400, 'VALIDATION_FAILED');
    expectRefusal(await t.call('GET', '/api/projects/123', { cookie: requester }), 400, 'VALIDATION_FAILED');
    expectRefusal(await t.call('GET', `/api/projects/${missing}`, { cookie: requester }), 404, 'NOT_FOUND');
    expectRefusal(await t.call('GET', '/api/tasks/abc', { cookie: alice }), 400, 'VALIDATION_FAILED');
    expectRefusal(await t.call('GET', `/api/tasks/${missing}`, { cookie: alice }), 404, 'NOT_FOUND');
    expectRefusal(
      await t.call('POST', `/api/tasks/${missing}/assignments`, { cookie: alice }),
      404,
      'NOT_FOUND',
    );
    for (const id of ['abc', '-1', '1.5', '99999999999999999999'])
      expectRefusal(
        await t.call('POST', `/api/assignments/${id}/answer`, { cookie: alice, body: { answer: {} } }),
        400,
        'VALIDATION_FAILED',
      );
    expectRefusal(
      await t.call('POST', '/api/assignments/999999999999999999/answer', {
        cookie: alice,
        body: { answer: { choice: 'pos' } },
      }),
      404,
      'NOT_FOUND',
    );
    expectRefusal(
      await t.call('POST', '/api/assignments/999999999/release', { cookie: alice }),
      404,
      'NOT_FOUND',
    );
  });

  it('explains a bad ?after= in words, not as a regular expression', async () => {
    const id = await projectWithItems();
    const r = await t.call('POST', `/api/tasks/${id}/assignments?after=abc`, { cookie: alice });
    expectRefusal(r, 400, 'VALIDATION_FAILED');
    expect(r.json.error.message).not.toContain('/^');
  });
});

describe('access control', () => {
  let aliceProject: string;
  let requesterKey: string;

  beforeAll(async () => {
    const org = await t.call('POST', '/api/orgs', { cookie: alice, body: { name: 'Alice Org' } });
    expect(org.status).toBe(201);
    const created = await t.call('POST', '/api/projects', {
      cookie: alice,
      body: sentimentProject({ name: 'Alice secret', orgId: org.json.id }),
    });
    aliceProject = created.json.id;
    await importText(aliceProject, 'jsonl', '{"text":"secret"}', alice);
    const myOrg = (await t.call('GET', '/api/me', { cookie: requester })).json.orgs[0].id;
    requesterKey = (
      await t.call('POST', `/api/orgs/${myOrg}/api-keys`, { cookie: requester, body: { name: 'ci' } })
    ).json.key;
  });

  it("answers 404 for every route of another organization's project, by session and by API key", async () => {
    for (const as of [{ cookie: requester }, { apiKey: requesterKey }]) {
      for (const path of ['', '/items', '/stats', '/ledger/verify', '/export'])
        expectRefusal(await t.call('GET', `/api/projects/${aliceProject}${path}`, as), 404, 'NOT_FOUND');
      expectRefusal(
        await t.call('PATCH', `/api/projects/${aliceProject}`, { ...as, body: { status: 'closed' } }),
        404,
        'NOT_FOUND',
      );
      expectRefusal(
        await t.call('POST', `/api/projects/${aliceProject}/items?format=jsonl`, {
          ...as,
          raw: '{"text":"x"}',
        }),
        404,
        'NOT_FOUND',
      );
      const list = await t.call('GET', '/api/projects', as);
      expect(list.json.projects.map((p: { id: string }) => p.id)).not.toContain(aliceProject);
    }
  });

  it('refuses an API key for creating projects in another organization', async () => {
    const aliceOrg = (await t.call('GET', '/api/me', { cookie: alice })).json.orgs[0].id;
    expectRefusal(
      await t.call('POST', '/api/projects', {
        apiKey: requesterKey,
        body: sentimentProject({ orgId: aliceOrg }),
      }),
      403,
      'FORBIDDEN',
    );
  });

  it("answers 404 for another contributor's assignment", async () => {
    const lease = await t.call('POST', `/api/tasks/${aliceProject}/assignments`, { cookie: bob });
    expect(lease.status).toBe(200);
    const aid = lease.json.id;
    expectRefusal(
      await t.call('POST', `/api/assignments/${aid}/answer`, {
        cookie: alice,
        body: { answer: { choice: 'pos' } },
      }),
      404,
      'NOT_FOUND',
    );
    expectRefusal(
      await t.call('POST', `/api/assignments/${aid}/skip`, { cookie: alice, body: { reason: 'unclear' } }),
      404,
      'NOT_FOUND',
    );
    expectRefusal(
      await t.call('POST', `/api/assignments/${aid}/release`, { cookie: alice }),
      404,
      'NOT_FOUND',
    );
    await t.call('POST', `/api/assignments/${aid}/release`, { cookie: bob });
  });

  it('never serves an uploaded file as an active document (SVG with script) from the app origin', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    const up = await t.call('POST', '/api/blobs', {
      cookie: bob,
      raw: svg,
      headers: { 'x-content-type': 'image/svg+xml' },
    });
    if (up.status === 201) {
      const served = await t.call('GET', up.json.url);
      const csp = served.headers.get('content-security-policy') ?? '';
      const disposition = served.headers.get('content-disposition') ?? '';
      expect(
        /sandbox|default-src 'none'|script-src 'none'/.test(csp) || /attachment/.test(disposition),
        `served as ${served.headers.get('content-type')} with no CSP or attachment disposition`,
      ).toBe(true);
    } else {
      expectRefusal(up, 400, 'VALIDATION_FAILED');
    }
  });
});

describe('answers', () => {
  async function lease(projectId: string, cookie = alice) {
    const r = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie });
    expect(r.status).toBe(200);
    return r.json.id as string;
  }
  const freeText = { annotation: { method: 'free_text', config: {} }, overlap: 5 };

  it('refuses answers of the wrong shape with ANSWER_INVALID or VALIDATION_FAILED', async () => {
    const id = await projectWithItems();
    const aid = await lease(id);
    for (const answer of [null, 'pos', { choice: 'zzz' }, { choice: 'pos', extra: 1 }])
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, { cookie: alice, body: { answer } }),
        422,
        'ANSWER_INVALID',
      );
    for (const body of [
      { answer: { choice: 'pos' }, durationMs: -1 },
      { answer: { choice: 'pos' }, durationMs: 1e20 },
      { answer: { choice: 'pos' }, durationMs: '5' },
      { answer: { choice: 'pos' }, idempotencyKey: 'short' },
    ])
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, { cookie: alice, body }),
        400,
        'VALIDATION_FAILED',
      );
    expectRefusal(
      await t.call('POST', `/api/assignments/${aid}/skip`, { cookie: alice, body: { reason: 'bored' } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('says plainly that the answer is missing', async () => {
    const id = await projectWithItems();
    const aid = await lease(id);
    const r = await t.call('POST', `/api/assignments/${aid}/answer`, { cookie: alice, body: {} });
    expectRefusal(r, 400, 'VALIDATION_FAILED');
    expect(r.json.error.message).toMatch(/^answer: /);
    expect(r.json.error.message).not.toMatch(/nonoptional/);
  });

  it('refuses an answer with a NUL character or a lone surrogate with a 4xx, not a 500', async () => {
    const id = await projectWithItems(freeText);
    for (const text of [`hi${NUL}there`, `hi${LONE_SURROGATE}`]) {
      const aid = await lease(id);
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, { cookie: alice, body: { answer: { text } } }),
        422,
        'ANSWER_INVALID',
      );
      await t.call('POST', `/api/assignments/${aid}/release`, { cookie: alice });
    }
  });

  it('refuses a skip note with a NUL character with a 400, not a 500', async () => {
    const id = await projectWithItems(freeText);
    const aid = await lease(id, bob);
    expectRefusal(
      await t.call('POST', `/api/assignments/${aid}/skip`, {
        cookie: bob,
        body: { reason: 'other', note: `x${NUL}y` },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('checks an Idempotency-Key header like the body field: too long or too short is a 400, not a 500', async () => {
    const id = await projectWithItems(freeText, ['{"text":"a"}', '{"text":"b"}']);
    // a long random key (compressible ones fit the index) and one shorter than the body field allows
    for (const key of [randomBytes(3000).toString('base64url'), 'x']) {
      const aid = await lease(id, bob);
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, {
          cookie: bob,
          headers: { 'idempotency-key': key },
          body: { answer: { text: 'fine' } },
        }),
        400,
        'VALIDATION_FAILED',
      );
      await t.call('POST', `/api/assignments/${aid}/release`, { cookie: bob });
    }
  });

  it('stores one answer when the same assignment is submitted concurrently with different keys', async () => {
    const id = await projectWithItems();
    const aid = await lease(id);
    const results = await Promise.all(
      ['key-aaaaaaaa', 'key-bbbbbbbb', 'key-cccccccc', 'key-dddddddd'].map((idempotencyKey) =>
        t.call('POST', `/api/assignments/${aid}/answer`, {
          cookie: alice,
          body: { answer: { choice: 'pos' }, idempotencyKey },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expectRefusal(r, 409, 'ASSIGNMENT_CLOSED');
    const ledger = await t.call('GET', `/api/projects/${id}/ledger/verify`, { cookie: requester });
    expect(ledger.json).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses answers to a paused or closed project', async () => {
    const id = await projectWithItems();
    const aid = await lease(id);
    for (const status of ['paused', 'closed']) {
      await t.call('PATCH', `/api/projects/${id}`, { cookie: requester, body: { status } });
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, {
          cookie: alice,
          body: { answer: { choice: 'pos' } },
        }),
        409,
        'PROJECT_NOT_ACTIVE',
      );
      expectRefusal(
        await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob }),
        409,
        'PROJECT_NOT_ACTIVE',
      );
    }
  });

  it('refuses answers once the project has passed its deadline, like it refuses new leases', async () => {
    const deadline = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const id = await projectWithItems({ deadline, leaseSeconds: 86_400 });
    const aid = await lease(id);
    t.clock.advance(2 * 3_600_000);
    try {
      expectRefusal(
        await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob }),
        409,
        'PROJECT_NOT_ACTIVE',
      );
      expectRefusal(
        await t.call('POST', `/api/assignments/${aid}/answer`, {
          cookie: alice,
          body: { answer: { choice: 'pos' } },
        }),
        409,
        'PROJECT_NOT_ACTIVE',
      );
    } finally {
      t.clock.advance(-2 * 3_600_000);
    }
  });
});
