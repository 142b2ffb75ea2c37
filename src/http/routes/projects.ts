import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { checkImportFile } from '../../domain/items/checkImportFile.ts';
import {
  createProjectBody,
  exportQuery,
  importQuery,
  importResultBody,
  itemPageBody,
  ledgerCheckBody,
  pageQuery,
  projectBody,
  projectListBody,
  projectStatsBody,
  updateProjectBody,
} from '../../shared/api.ts';
import { accessProject } from '../../usecases/projects/accessProject.ts';
import { createProject } from '../../usecases/projects/createProject.ts';
import { importFormatOf, importItems } from '../../usecases/projects/importItems.ts';
import { updateProject } from '../../usecases/projects/updateProject.ts';
import { verifyProjectLedger } from '../../usecases/projects/verifyProjectLedger.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { csvRow } from '../csv.ts';
import { gunzipBounded } from '../gunzipBounded.ts';
import { json, ok } from '../openapi.ts';
import { presentProject } from '../presenters.ts';

const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const params = z.object({ id: z.string().uuid('project ids are UUIDs') });

/** A requester's projects: create, import items, watch progress, export, verify the ledger. */
export function projectRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects',
      tags: ['projects'],
      request: json(createProjectBody),
      responses: ok(projectBody, 'The new project', 201),
    }),
    async (c) => c.json(presentProject(await createProject(deps, requireActor(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects',
      tags: ['projects'],
      responses: ok(projectListBody, 'Your organizations’ projects, newest first'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const projects = await deps.projects.listProjects(actor.orgs.map((o) => o.id));
      return c.json({ projects: projects.map(presentProject) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}',
      tags: ['projects'],
      request: { params },
      responses: ok(projectBody, 'The project'),
    }),
    async (c) =>
      c.json(presentProject(await accessProject(deps, requireActor(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{id}',
      tags: ['projects'],
      request: { params, ...json(updateProjectBody) },
      responses: ok(projectBody, 'The updated project'),
    }),
    async (c) => {
      const { status, quality } = c.req.valid('json');
      return c.json(
        presentProject(
          await updateProject(deps, requireActor(c), { id: c.req.valid('param').id, status, quality }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/items',
      tags: ['projects'],
      summary: 'Import items from a JSONL, CSV or Label Studio JSON file sent as the raw body',
      description:
        'Every item is checked before any is stored; a bad file is refused with the line and the problem. ' +
        'The body may be gzip-compressed with "Content-Encoding: gzip"; its decompressed size has the same limit. ' +
        'With "Accept: application/x-ndjson" the answer streams progress lines, then a line {"result": …} or {"error": …}.',
      middleware: [
        bodyLimit({
          maxSize: MAX_IMPORT_BYTES,
          onError: () => {
            throw new DomainError(
              'PAYLOAD_TOO_LARGE',
              `the file is too large: an import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it`,
            );
          },
        }),
      ] as const,
      request: {
        params,
        query: importQuery,
        body: { content: { 'application/octet-stream': { schema: z.string() } }, required: true },
      },
      responses: ok(importResultBody, 'How many items were stored'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const format = importFormatOf(c.req.valid('query').format);
      const bytes = await importBytes(c.req.raw);
      checkImportFile(bytes, c.req.header('content-type'));
      const text = decodeUtf8(bytes);
      if (!c.req.header('accept')?.includes('application/x-ndjson'))
        return c.json(await importItems(deps, actor, { projectId: id, format, text }), 200);
      await accessProject(deps, actor, id);
      c.header('content-type', 'application/x-ndjson');
      // A streamed answer is not the typed JSON body the route declares for plain requests.
      return stream(c, async (out) => {
        try {
          const result = await importItems(deps, actor, {
            projectId: id,
            format,
            text,
            onProgress: (p) => void out.write(`${JSON.stringify({ progress: p })}\n`),
          });
          await out.write(`${JSON.stringify({ result })}\n`);
        } catch (error) {
          const e =
            error instanceof DomainError
              ? error
              : new DomainError('CONFLICT', 'the import failed; nothing was stored');
          if (!(error instanceof DomainError)) deps.log.error({ err: error, projectId: id }, 'import failed');
          await out.write(
            `${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } })}\n`,
          );
        }
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/items',
      tags: ['projects'],
      request: { params, query: pageQuery },
      responses: ok(itemPageBody, 'A page of items'),
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      const { cursor, limit } = c.req.valid('query');
      const rows = await deps.projects.listItems(project.id, cursor ?? null, limit + 1);
      const page = rows.slice(0, limit);
      return c.json(
        {
          items: page.map((i) => ({
            id: i.id,
            externalId: i.externalId,
            data: i.data,
            isGold: i.isGold,
            answerCount: i.answerCount,
          })),
          nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/stats',
      tags: ['projects'],
      request: { params },
      responses: ok(projectStatsBody, 'Progress so far'),
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      return c.json(await deps.projects.stats(project.id, deps.clock.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/ledger/verify',
      tags: ['projects'],
      request: { params },
      responses: ok(ledgerCheckBody, 'Whether the contribution ledger is intact'),
    }),
    async (c) => c.json(await verifyProjectLedger(deps, requireActor(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/export',
      tags: ['projects'],
      summary:
        'Every answer (with its status), or every item’s aggregated label, one row each, as JSONL or CSV',
      request: { params, query: exportQuery },
      responses: {
        200: {
          description: 'The answers',
          content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } },
        },
      },
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      const { format, what, provenance, order } = c.req.valid('query');
      const safeName = project.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'project';
      c.header(
        'content-type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      );
      c.header('content-disposition', `attachment; filename="${safeName}-${what}.${format}"`);
      if (what === 'labels')
        return stream(c, async (out) => {
          if (format === 'csv')
            await out.write(
              csvRow(['item_id', 'external_id', 'label', 'confidence', 'answer_count', 'final', 'source']),
            );
          for (let after: string | null = null; ; ) {
            const labels = await deps.quality.labels(project.id, after, 2000);
            if (!labels.length) break;
            let chunk = '';
            for (const l of labels)
              chunk +=
                format === 'csv'
                  ? csvRow([
                      l.itemId,
                      l.externalId ?? '',
                      JSON.stringify(l.label),
                      l.confidence,
                      l.answerCount,
                      String(l.isFinal),
                      l.source,
                    ])
                  : `${JSON.stringify({
                      item_id: l.itemId,
                      external_id: l.externalId,
                      label: l.label,
                      confidence: l.confidence,
                      answer_count: l.answerCount,
                      final: l.isFinal,
                      source: l.source,
                    })}\n`;
            await out.write(chunk);
            after = labels.at(-1)!.itemId;
          }
        });
      return stream(c, async (out) => {
        if (format === 'csv')
          await out.write(
            csvRow([
              'item_id',
              'external_id',
              'contributor',
              'answer',
              'status',
              'duration_ms',
              'created_at',
              'ledger_seq',
              'ledger_hash',
              'data',
              ...(provenance ? ['batch_id', 'batch_root', 'anchor_tx', 'proof'] : []),
            ]),
          );
        for await (const rows of deps.projects.exportRows(project.id, order)) {
          let chunk = '';
          const proofs = provenance
            ? await deps.provenance.projectProofs(
                project.id,
                rows.map((r) => r.answerId),
              )
            : null;
          for (const r of rows) {
            const p = proofs?.get(r.answerId);
            const proofColumns = proofs
              ? [p?.batchId ?? '', p?.root ?? '', p?.txHash ?? '', p ? p.proof.join(' ') : '']
              : [];
            chunk +=
              format === 'csv'
                ? csvRow([
                    r.itemId,
                    r.externalId ?? '',
                    r.contributor,
                    JSON.stringify(r.answer),
                    r.status,
                    r.durationMs ?? '',
                    r.createdAt.toISOString(),
                    r.ledgerSeq,
                    r.ledgerHash,
                    JSON.stringify(r.data),
                    ...proofColumns,
                  ])
                : `${JSON.stringify({
                    answer_id: r.answerId,
                    item_id: r.itemId,
                    external_id: r.externalId,
                    data: r.data,
                    contributor: r.contributor,
                    answer: r.answer,
                    status: r.status,
                    duration_ms: r.durationMs,
                    created_at: r.createdAt.toISOString(),
                    ledger_seq: r.ledgerSeq,
                    ledger_hash: r.ledgerHash,
                    ...(proofs
                      ? {
                          // What the entry hash covers, so an export can be checked without the server.
                          ledger: {
                            prev_hash: r.ledgerPrevHash,
                            contributor: r.ledgerContributor,
                            item_id: r.ledgerItemId,
                            answer_hash: r.ledgerAnswerHash,
                            created_at: r.ledgerCreatedAt,
                          },
                          provenance: p
                            ? { batch_id: p.batchId, root: p.root, anchor_tx: p.txHash, proof: p.proof }
                            : null,
                        }
                      : {}),
                  })}\n`;
          }
          await out.write(chunk);
        }
      });
    },
  );

  return app;
}

/** Compressed imports may inflate at most this much per compressed byte (past 1 MiB): more is a bomb. */
const MAX_INFLATE_RATIO = 100;

/** The import file's bytes, inflated as they stream in when the body is gzip-compressed. */
async function importBytes(request: Request): Promise<Uint8Array> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return new Uint8Array(await request.arrayBuffer());
  if (encoding !== 'gzip' && encoding !== 'x-gzip')
    throw new DomainError(
      'VALIDATION_FAILED',
      `Content-Encoding ${encoding} is not supported here; send the file uncompressed or with Content-Encoding: gzip`,
    );
  if (!request.body) return new Uint8Array();
  return gunzipBounded(request.body, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRatio: MAX_INFLATE_RATIO,
    ratioFloorBytes: 1024 * 1024,
  });
}

/** Import files are UTF-8; anything else would be stored with replacement characters, so it is refused. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError(
      'IMPORT_INVALID',
      'the file is not UTF-8 text; save it as UTF-8 and import it again',
      {
        problems: [],
      },
    );
  }
}
