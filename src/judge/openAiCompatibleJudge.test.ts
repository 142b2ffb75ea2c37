import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JudgeError } from './judgeError.ts';
import { openAiCompatibleJudge } from './openAiCompatibleJudge.ts';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
type Reply = { status?: number; body: string; delayMs?: number; contentType?: string };

/** A small chat-completions server: it records each request and answers with the next reply set. */
let reply: (seen: Seen) => Reply;
const seen: Seen[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const r = reply(request);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'application/json' });
        res.end(r.body);
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterEach(() => {
  seen.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A chat completion whose message is `content`, as OpenAI and its imitators send it. */
const completion = (content: string | null, model = 'judge-model-2024') =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });

const input = {
  prompt: 'A good caption names the animal.',
  instructions: 'Pick the animal in the photo.',
  method: 'single_choice' as const,
  item: { image: 'https://example.org/cat.jpg', caption: 'A cat on a mat' },
  answer: { choice: 'cat' },
};

describe('openAiCompatibleJudge', () => {
  it('posts the chat request the API expects, with the key as a bearer token', async () => {
    reply = () => ({ body: completion('{"verdict":"approve","reason":"The caption names a cat."}') });
    const judge = openAiCompatibleJudge({ url: base, apiKey: 'sk-test-123', model: 'small-judge' });
    await judge.judge(input);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBe('Bearer sk-test-123');
    expect(request!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      model: 'small-judge',
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('A good caption names the animal.');
    expect(body.messages[0].content).toContain('Pick the animal in the photo.');
    expect(body.messages[0].content).toContain('"verdict": "approve" | "reject" | "unsure"');
    expect(JSON.parse(body.messages[1].content)).toMatchObject({
      method: 'single_choice',
      item: input.item,
      answer: input.answer,
    });
  });

  it('sends no Authorization header without a key, and accepts a base URL with a trailing slash', async () => {
    reply = () => ({ body: completion('{"verdict":"approve","reason":"ok"}') });
    await openAiCompatibleJudge({ url: `${base}/`, model: 'm' }).judge(input);
    expect(seen[0]!.url).toBe('/v1/chat/completions');
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('keeps a query string of the base URL after the path', async () => {
    reply = () => ({ body: completion('{"verdict":"approve","reason":"ok"}') });
    await openAiCompatibleJudge({ url: `${base}?api-version=2024-06-01`, model: 'm' }).judge(input);
    expect(seen[0]!.url).toBe('/v1/chat/completions?api-version=2024-06-01');
  });

  it('returns approve and reject with the reason and the model the endpoint named', async () => {
    const judge = openAiCompatibleJudge({ url: base, model: 'small-judge' });
    reply = () => ({ body: completion('{"verdict":"approve","reason":"The caption names a cat."}') });
    expect(await judge.judge(input)).toEqual({
      verdict: 'approve',
      reason: 'The caption names a cat.',
      model: 'judge-model-2024',
    });
    reply = () => ({ body: completion('{"verdict":"reject","reason":"The photo shows a dog."}') });
    expect(await judge.judge(input)).toEqual({
      verdict: 'reject',
      reason: 'The photo shows a dog.',
      model: 'judge-model-2024',
    });
  });

  it('reads a verdict in a ```json fence with text around it', async () => {
    reply = () => ({
      body: completion(
        'Sure! Here is my review:\n```json\n{"verdict": "reject", "reason": "Wrong animal."}\n```',
      ),
    });
    const verdict = await openAiCompatibleJudge({ url: base, model: 'm' }).judge(input);
    expect(verdict).toEqual({ verdict: 'reject', reason: 'Wrong animal.', model: 'judge-model-2024' });
  });

  it('says unsure, quoting the reply, when the model wrote no verdict', async () => {
    reply = () => ({ body: completion('I think the answer is probably fine?') });
    expect(await openAiCompatibleJudge({ url: base, model: 'm' }).judge(input)).toEqual({
      verdict: 'unsure',
      reason: 'The model’s reply could not be read as a verdict: "I think the answer is probably fine?"',
      model: 'judge-model-2024',
    });
    reply = () => ({ body: completion('{"verdict":"maybe","reason":"hard to say"}') });
    expect((await openAiCompatibleJudge({ url: base, model: 'm' }).judge(input)).verdict).toBe('unsure');
  });

  it('says unsure on an empty reply or a refusal, naming the model asked when the endpoint names none', async () => {
    reply = () => ({
      body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: null } }] }),
    });
    expect(await openAiCompatibleJudge({ url: base, model: 'asked-model' }).judge(input)).toEqual({
      verdict: 'unsure',
      reason: 'The model’s reply was empty.',
      model: 'asked-model',
    });
    reply = () => ({
      body: JSON.stringify({
        choices: [{ message: { content: null, refusal: 'I cannot help with that.' } }],
      }),
    });
    expect((await openAiCompatibleJudge({ url: base, model: 'm' }).judge(input)).reason).toBe(
      'The model declined to judge: I cannot help with that.',
    );
  });

  it('throws a JudgeError naming the URL and the status on a 500, without the key', async () => {
    reply = (request) => ({
      status: 500,
      body: JSON.stringify({
        error: { message: `upstream failed for key ${request.headers.authorization}` },
      }),
    });
    const judge = openAiCompatibleJudge({ url: base, apiKey: 'sk-secret-456', model: 'm' });
    const error = await judge.judge(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    const e = error as JudgeError;
    expect(e.status).toBe(500);
    expect(e.endpoint).toBe(`${base}/chat/completions`);
    expect(e.message).toBe(
      `The model judge at ${base}/chat/completions answered 500 Internal Server Error: upstream failed for key Bearer [api key]`,
    );
    expect(e.message).not.toContain('sk-secret-456');
  });

  it('throws a JudgeError when a 2xx reply is not a chat completion', async () => {
    reply = () => ({ body: '<html>Welcome to nginx</html>', contentType: 'text/html' });
    const error = await openAiCompatibleJudge({ url: base, model: 'm' })
      .judge(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as JudgeError).message).toBe(
      `The model judge at ${base}/chat/completions answered 200 without a chat completion: <html>Welcome to nginx</html>`,
    );
  });

  it('throws a timeout JudgeError when the server is slower than timeoutMs', async () => {
    reply = () => ({ body: completion('{"verdict":"approve","reason":"late"}'), delayMs: 2000 });
    const started = Date.now();
    const error = await openAiCompatibleJudge({ url: base, model: 'm', timeoutMs: 100 })
      .judge(input)
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as JudgeError).message).toBe(
      `The model judge at ${base}/chat/completions did not answer within 100 ms`,
    );
    expect((error as JudgeError).cause).toBeDefined();
  });

  it('throws a JudgeError with the cause when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await openAiCompatibleJudge({ url: `http://127.0.0.1:${port}/v1`, model: 'm' })
      .judge(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as JudgeError).message).toMatch(
      new RegExp(
        `^Could not reach the model judge at http://127\\.0\\.0\\.1:${port}/v1/chat/completions: .*ECONNREFUSED`,
      ),
    );
    expect((error as JudgeError).cause).toBeInstanceOf(Error);
  });

  it('refuses invalid settings at once, without echoing them', () => {
    expect(() => openAiCompatibleJudge({ url: 'ftp://host/v1', model: 'm' })).toThrow(JudgeError);
    expect(() => openAiCompatibleJudge({ url: base, model: '' })).toThrow(/settings are invalid: model/);
    expect(() => openAiCompatibleJudge({ url: 'not a url sk-secret', model: 'm' })).not.toThrow(/sk-secret/);
    expect(() => openAiCompatibleJudge({ url: base, model: 'm', timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
