import { describe, expect, it } from 'vitest';
import { projectIdFromKey, projectKey } from './projectKey.ts';

describe('projectKey', () => {
  it('puts the uuid left-aligned in 32 bytes and reads it back', () => {
    const id = '40d43e92-9b8e-43e1-9776-9d5be3dda4e5';
    const key = projectKey(id);
    expect(key).toBe(`0x40d43e929b8e43e197769d5be3dda4e5${'0'.repeat(32)}`);
    expect(projectIdFromKey(key)).toBe(id);
    expect(projectKey(id.toUpperCase())).toBe(key);
  });

  it('refuses what is not a project id or key', () => {
    expect(() => projectKey('nope')).toThrow(/not a project id/);
    expect(projectIdFromKey(`0x${'ab'.repeat(32)}`)).toBeNull();
    expect(projectIdFromKey('0x12')).toBeNull();
  });
});
