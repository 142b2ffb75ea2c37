import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

// Settings → API keys in a browser: the requester creates a key, reads its secret off the page once, calls the
// API with it, revokes it and the same call is refused; a contributor with no organization is asked to start one.

const KEY_NAME = 'CLI on my laptop';

let server: E2eServer | undefined;
let base: string;

beforeAll(async () => {
  server = await startE2eServer({ seedDemo: false });
  base = server.base;
});
afterAll(() => server?.stop());

/** Console errors of the page (failed requests included), on top of the harness's page errors. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const meWith = (key: string) => fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${key}` } });

describe('API keys in a browser', () => {
  it('the requester creates a key, uses it, and revokes it', async () => {
    const { page, errors } = await server!.pageAs('requester');
    const logged = consoleErrors(page);

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/keys');
    const org = page.getByRole('region', { name: 'Demo Labs API keys' });
    await org.getByText('No keys yet').waitFor();
    await server!.shot(page, 'apikeys-00-none');

    const form = page.getByRole('form', { name: 'Create a key for Demo Labs' });
    expect(await form.getByRole('button', { name: 'Create key' }).isDisabled()).toBe(true);
    await form.getByLabel('Key name').fill(KEY_NAME);
    await form.getByRole('button', { name: 'Create key' }).click();

    const secret = (await org.getByTestId('new-api-key').innerText()).trim();
    expect(secret).toMatch(/^cvn_[A-Za-z0-9]+_\S+$/);
    expect(await org.getByRole('status').innerText()).toContain('it is shown only now');
    await org.getByRole('button', { name: 'Copy' }).waitFor();
    const row = org.getByRole('row', { name: new RegExp(KEY_NAME) });
    const prefix = secret.split('_')[1]!;
    expect(await row.innerText()).toContain(`cvn_${prefix}_…`);
    expect(await row.innerText()).toMatch(/never/);
    expect(await row.innerText()).toMatch(/live/);
    await server!.shot(page, 'apikeys-01-created');

    // The secret is the key: a script calls the API with it.
    const me = await meWith(secret);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { orgs: { name: string }[] }).orgs.map((o) => o.name)).toContain(
      'Demo Labs',
    );

    // Shown once only: after a reload the page lists the key, used just now, but not its secret.
    await page.reload();
    await row.waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await row.innerText()).not.toMatch(/never/);

    // Revoking asks first; dismissing keeps the key live.
    page.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: `Revoke ${KEY_NAME}` }).click();
    expect(await row.innerText()).toMatch(/live/);
    expect((await meWith(secret)).status).toBe(200);

    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await row.getByRole('button', { name: `Revoke ${KEY_NAME}` }).click();
    await row.getByText('revoked').waitFor();
    expect(asked).toContain(KEY_NAME);
    expect(await row.getByRole('button').count()).toBe(0);
    await server!.shot(page, 'apikeys-02-revoked');

    expect((await meWith(secret)).status).toBe(401);

    // The API lists live keys only: once the page is left, the revoked key is gone.
    await page.reload();
    await org.getByText('No keys yet').waitFor();

    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    await page.context().close();
  });

  it('a contributor with no organization is asked to start one, then can make keys', async () => {
    const bob = await server!.clientAs('bob');
    expect((await bob.me()).orgs).toEqual([]);

    const { page, errors } = await server!.pageAs('bob');
    const logged = consoleErrors(page);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'Create an organization first' }).waitFor();
    expect(await page.getByRole('form', { name: /^Create a key/ }).count()).toBe(0);
    await server!.shot(page, 'apikeys-03-no-org');

    const form = page.getByRole('form', { name: 'Create an organization' });
    await form.getByLabel('Organization name').fill('Bob Audio');
    await form.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('region', { name: 'Bob Audio API keys' }).getByText('No keys yet').waitFor();
    expect(await page.getByRole('form', { name: 'Create a key for Bob Audio' }).count()).toBe(1);
    await server!.shot(page, 'apikeys-04-org-created');

    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    await page.context().close();
  });
});
