import { z } from 'zod';
import type { JudgeVerdict, ModelJudge } from '../usecases/ports.ts';
import { JudgeError } from './judgeError.ts';
import { judgeMessages } from './judgeMessages.ts';
import { errorDetail, explain, parseJson } from './openAiReplies.ts';
import { readVerdict } from './readVerdict.ts';

export type OpenAiCompatibleJudgeOptions = {
  /** The API's base URL, the part before /chat/completions: `http://127.0.0.1:8000/v1`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  readonly apiKey?: string | undefined;
  readonly model: string;
  /** How long one judgement may take, reply included. Default 20 000. */
  readonly timeoutMs?: number;
  /** For tests and proxies; the global fetch by default. */
  readonly fetch?: typeof globalThis.fetch;
};

const optionsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1).max(200),
  timeoutMs: z.number().int().min(1).max(600_000).default(20_000),
});

/** The part of a chat completion the judge reads; other fields are ignored. */
const chatCompletion = z.object({
  model: z.string().min(1).optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
      }),
    )
    .min(1),
});

// How much of an unreadable reply, or of an error body, a reason or a message quotes.
const QUOTE = 200;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE ? `${flat.slice(0, QUOTE - 1)}…` : flat;
};

/**
 * A model judge over any OpenAI-compatible chat-completions API (OpenAI, vLLM, llama.cpp, Ollama, LiteLLM …).
 * Each judgement is one POST at temperature 0, asking for a JSON object. A reply the model got wrong — not a
 * verdict, empty, refused — comes back as 'unsure' with the reason, never as an error. A JudgeError is thrown
 * when the endpoint cannot be asked: unreachable, slower than `timeoutMs`, answering a non-2xx status, or
 * answering 2xx with something that is not a chat completion (a wrong URL behind a web server does that).
 */
export function openAiCompatibleJudge(options: OpenAiCompatibleJudgeOptions): ModelJudge {
  const parsed = optionsSchema.safeParse({
    url: options.url,
    apiKey: options.apiKey || undefined,
    model: options.model,
    timeoutMs: options.timeoutMs,
  });
  if (!parsed.success) {
    // Issues name the field and the rule, never the value, so the key cannot leak from here.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new JudgeError(`The model judge's settings are invalid: ${problems}`, { cause: parsed.error });
  }
  const { apiKey, model, timeoutMs } = parsed.data;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const target = new URL(parsed.data.url);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}/chat/completions`;
  const endpoint = target.href;
  // What messages name: no credentials, no query (some gateways take keys there).
  const shown = `${target.origin}${target.pathname}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const redact = (text: string) => (apiKey ? text.replaceAll(apiKey, '[api key]') : text);

  return {
    async judge(input) {
      const body = JSON.stringify({
        model,
        temperature: 0,
        messages: judgeMessages(input),
        response_format: { type: 'json_object' },
      });
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const failed = (what: string, cause: unknown) =>
        timedOut
          ? new JudgeError(`The model judge at ${shown} did not answer within ${timeoutMs} ms`, {
              endpoint: shown,
              cause,
            })
          : new JudgeError(`${what} ${shown}: ${redact(explain(cause))}`, { endpoint: shown, cause });
      try {
        let response: Response;
        try {
          response = await fetchFn(endpoint, { method: 'POST', headers, body, signal: controller.signal });
        } catch (error) {
          throw failed('Could not reach the model judge at', error);
        }
        let text: string;
        try {
          text = await response.text();
        } catch (error) {
          throw failed('The reply broke off from the model judge at', error);
        }
        if (!response.ok) {
          const detail = quote(errorDetail(text));
          throw new JudgeError(
            `The model judge at ${shown} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` +
              (detail ? `: ${redact(detail)}` : ''),
            { endpoint: shown, status: response.status },
          );
        }
        const reply = chatCompletion.safeParse(parseJson(text));
        if (!reply.success) {
          throw new JudgeError(
            `The model judge at ${shown} answered ${response.status} without a chat completion: ${redact(quote(text)) || 'an empty body'}`,
            { endpoint: shown, status: response.status, cause: reply.error },
          );
        }
        return verdictOf(reply.data, model);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function verdictOf(reply: z.infer<typeof chatCompletion>, asked: string): JudgeVerdict {
  const model = reply.model ?? asked;
  const { content, refusal } = reply.choices[0]!.message;
  if (refusal) return { verdict: 'unsure', reason: `The model declined to judge: ${quote(refusal)}`, model };
  if (!content?.trim()) return { verdict: 'unsure', reason: 'The model’s reply was empty.', model };
  const read = readVerdict(content);
  if (read) return { ...read, model };
  return {
    verdict: 'unsure',
    reason: `The model’s reply could not be read as a verdict: "${quote(content)}"`,
    model,
  };
}
