import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const credentialsSchema = z.object({
  url: z.string().url(),
  apiKey: z.string().min(10),
  orgId: z.string(),
  address: z.string(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** Where `caravan login` keeps the API key it created: ~/.config/caravan/credentials.json (mode 600). */
export function credentialsPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'caravan', 'credentials.json');
}

export async function readCredentials(file: string): Promise<Credentials | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const parsed = credentialsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is damaged; run \`caravan login\` again`);
  return parsed.data;
}

export async function writeCredentials(file: string, credentials: Credentials): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}
