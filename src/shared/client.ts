import type { z } from 'zod';
import type {
  AssetListQuery,
  apiKeyBody,
  assetDetailBody,
  assetListBody,
  assignmentBody,
  authConfigBody,
  blobBody,
  CreateProjectInput,
  checkInBody,
  createdApiKeyBody,
  datasetBody,
  datasetDetailBody,
  datasetListBody,
  datasetSharePageBody,
  earningsBody,
  examStartBody,
  examStatusBody,
  historyPageBody,
  ImportFormat,
  importResultBody,
  itemPageBody,
  labelPageBody,
  leaderboardBody,
  ledgerCheckBody,
  meBody,
  myDatasetSharesBody,
  nonceBody,
  orgBody,
  PublishDatasetInput,
  profileBody,
  projectBody,
  projectListBody,
  projectStatsBody,
  purchasesBody,
  qaResultBody,
  qaSampleBody,
  qualityReportBody,
  qualityRunBody,
  RegisterAssetInput,
  RegisterDatasetInput,
  registeredAssetBody,
  reviewLeaseBody,
  reviewQueueBody,
  reviewResultBody,
  SubmitQaInput,
  SubmitReviewInput,
  submitResultBody,
  sybilFlagBody,
  sybilFlagListBody,
  taskDetailBody,
  taskListBody,
} from './api.ts';
import type {
  answerProofBody,
  chainInfoBody,
  escrowBody,
  relayResultBody,
  rewardsBody,
  sentTxsBody,
  settlementStatusBody,
  slashBody,
  stakeBody,
  walletCallsBody,
} from './chainApi.ts';
import type {
  GatewayEndpointInput,
  gatewayBalanceBody,
  gatewayCallsBody,
  gatewayEndpointView,
  gatewayUsageBody,
} from './gatewayApi.ts';
import type { QualitySettingsInput } from './qualitySettings.ts';

/** An error answered by the API, with its stable code and a message meant for people. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type ClientOptions = {
  /** Where the app runs, e.g. http://127.0.0.1:8787; empty for same-origin (the web app). */
  baseUrl?: string;
  /** An API key for scripts; the web app uses its session cookie instead. */
  apiKey?: string;
  fetch?: typeof fetch;
};

type Out<S extends z.ZodType> = z.output<S>;
type Query = Record<string, string | number | undefined>;

/** A typed client for the Caravan REST API, for the browser and for Node. */
export function createClient(options: ClientOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
    raw?: BodyInit,
    rawType?: string,
  ): Promise<T> {
    const response = await send(method, path, body, query, raw, rawType);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async function send(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
    raw?: BodyInit,
    rawType = 'application/octet-stream',
  ): Promise<Response> {
    const qs = query
      ? new URLSearchParams(
          Object.entries(query).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
        ).toString()
      : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw !== undefined) headers['content-type'] = rawType;
    // Body-less requests are tiny: let them finish even while the page unloads (releasing a lease on leave).
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: body === undefined && raw === undefined,
    };
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) init.body = JSON.stringify(body);
    const response = await doFetch(`${base}${path}${qs ? `?${qs}` : ''}`, init);
    if (!response.ok) {
      let parsed: { error?: { code?: string; message?: string; details?: unknown } } = {};
      try {
        parsed = await response.json();
      } catch {
        parsed = { error: { code: 'HTTP_ERROR', message: `${response.status} ${response.statusText}` } };
      }
      throw new ApiError(
        response.status,
        parsed.error?.code ?? 'HTTP_ERROR',
        parsed.error?.message ?? `${response.status} ${response.statusText}`,
        parsed.error?.details,
      );
    }
    return response;
  }

  return {
    send,
    authConfig: () => request<Out<typeof authConfigBody>>('GET', '/api/auth/config'),
    nonce: () => request<Out<typeof nonceBody>>('GET', '/api/auth/nonce'),
    signIn: (message: string, signature: string) =>
      request<Out<typeof meBody>>('POST', '/api/auth/siwe', { message, signature }),
    devSignIn: (account: string) => request<Out<typeof meBody>>('POST', '/api/auth/dev', { account }),
    signOut: () => request<void>('POST', '/api/auth/logout'),
    me: () => request<Out<typeof meBody>>('GET', '/api/me'),
    createOrg: (name: string) => request<Out<typeof orgBody>>('POST', '/api/orgs', { name }),
    createApiKey: (orgId: string, name: string) =>
      request<Out<typeof createdApiKeyBody>>('POST', `/api/orgs/${orgId}/api-keys`, { name }),
    listApiKeys: (orgId: string) =>
      request<{ keys: Out<typeof apiKeyBody>[] }>('GET', `/api/orgs/${orgId}/api-keys`),
    revokeApiKey: (orgId: string, keyId: string) =>
      request<{ revoked: true }>('DELETE', `/api/orgs/${orgId}/api-keys/${keyId}`),

    createProject: (input: CreateProjectInput) =>
      request<Out<typeof projectBody>>('POST', '/api/projects', input),
    listProjects: () => request<Out<typeof projectListBody>>('GET', '/api/projects'),
    getProject: (id: string) => request<Out<typeof projectBody>>('GET', `/api/projects/${id}`),
    setProjectStatus: (id: string, status: 'active' | 'paused' | 'closed') =>
      request<Out<typeof projectBody>>('PATCH', `/api/projects/${id}`, { status }),
    importItems: (id: string, format: ImportFormat, file: BodyInit) =>
      request<Out<typeof importResultBody>>('POST', `/api/projects/${id}/items`, undefined, { format }, file),
    listItems: (id: string, query: { cursor?: string; limit?: number } = {}) =>
      request<Out<typeof itemPageBody>>('GET', `/api/projects/${id}/items`, undefined, query),
    projectStats: (id: string) => request<Out<typeof projectStatsBody>>('GET', `/api/projects/${id}/stats`),
    exportUrl: (id: string, format: 'jsonl' | 'csv') => `${base}/api/projects/${id}/export?format=${format}`,
    verifyLedger: (id: string) =>
      request<Out<typeof ledgerCheckBody>>('GET', `/api/projects/${id}/ledger/verify`),
    /** Stores a media file by its content; `contentType` (e.g. a File's type) says what it is. */
    uploadBlob: (file: BodyInit, contentType?: string) =>
      request<Out<typeof blobBody>>(
        'POST',
        '/api/blobs',
        undefined,
        undefined,
        file,
        contentType || undefined,
      ),

    listTasks: (query: { method?: string; modality?: string; language?: string; level?: number } = {}) =>
      request<Out<typeof taskListBody>>('GET', '/api/tasks', undefined, query),
    getTask: (projectId: string) => request<Out<typeof taskDetailBody>>('GET', `/api/tasks/${projectId}`),
    examStatus: (projectId: string) =>
      request<Out<typeof examStatusBody>>('GET', `/api/tasks/${projectId}/exam`),
    startExam: (projectId: string) =>
      request<Out<typeof examStartBody>>('POST', `/api/tasks/${projectId}/exam`),
    /**
     * The next item to label, or null when none is left for this contributor. With `afterId` (the assignment on
     * screen) it is the item after that one: the one to preload.
     */
    nextAssignment: async (
      projectId: string,
      afterId?: string,
    ): Promise<Out<typeof assignmentBody> | null> => {
      const query = afterId ? { after: afterId } : undefined;
      const result = await request<Out<typeof assignmentBody> | undefined>(
        'POST',
        `/api/tasks/${projectId}/assignments`,
        undefined,
        query,
      );
      return result ?? null;
    },
    submitAnswer: (
      assignmentId: string,
      body: { answer: unknown; durationMs?: number; idempotencyKey?: string },
    ) => request<Out<typeof submitResultBody>>('POST', `/api/assignments/${assignmentId}/answer`, body),
    skip: (assignmentId: string, reason: string, note?: string) =>
      request<void>('POST', `/api/assignments/${assignmentId}/skip`, note ? { reason, note } : { reason }),
    /** Hands a leased item back unanswered; it goes out even while the page unloads. */
    release: (assignmentId: string) => request<void>('POST', `/api/assignments/${assignmentId}/release`),
    history: (query: { cursor?: string; limit?: number } = {}) =>
      request<Out<typeof historyPageBody>>('GET', '/api/me/history', undefined, query),

    /** Changes a project's status, its quality settings, or both. */
    updateProject: (
      id: string,
      changes: { status?: 'active' | 'paused' | 'closed'; quality?: QualitySettingsInput },
    ) => request<Out<typeof projectBody>>('PATCH', `/api/projects/${id}`, changes),
    qualityReport: (projectId: string) =>
      request<Out<typeof qualityReportBody>>('GET', `/api/projects/${projectId}/quality`),
    /** Runs the quality pass now instead of waiting for the worker's next one. */
    runQuality: (projectId: string) =>
      request<Out<typeof qualityRunBody>>('POST', `/api/projects/${projectId}/quality/run`),
    labels: (projectId: string, cursor?: string, limit?: number) =>
      request<Out<typeof labelPageBody>>('GET', `/api/projects/${projectId}/labels`, undefined, {
        cursor,
        limit,
      }),
    flags: (status: 'open' | 'confirmed' | 'cleared' | 'all' = 'open') =>
      request<Out<typeof sybilFlagListBody>>('GET', '/api/admin/flags', undefined, { status }),
    resolveFlag: (id: string, status: 'confirmed' | 'cleared') =>
      request<Out<typeof sybilFlagBody>>('POST', `/api/admin/flags/${id}`, { status }),
    profile: () => request<Out<typeof profileBody>>('GET', '/api/me/profile'),
    userProfile: (address: string) =>
      request<Out<typeof profileBody>>('GET', `/api/users/${encodeURIComponent(address)}/profile`),
    leaderboard: (offset = 0, limit = 50) =>
      request<Out<typeof leaderboardBody>>('GET', '/api/leaderboard', undefined, { offset, limit }),
    /** The daily check-in (once per UTC day); a second call the same day changes nothing. */
    checkIn: () => request<Out<typeof checkInBody>>('POST', '/api/me/checkin'),

    /** Projects you may review now, with what waits for you, and your reviews so far. */
    reviewQueue: () => request<Out<typeof reviewQueueBody>>('GET', '/api/reviews'),
    /** The next answer to review in a project (or the one you hold); null when nothing waits for you. */
    nextReview: async (projectId: string) =>
      (await request<Out<typeof reviewLeaseBody>>('POST', '/api/reviews/next', { projectId })).review,
    submitReview: (id: string, body: SubmitReviewInput) =>
      request<Out<typeof reviewResultBody>>('POST', `/api/reviews/${id}`, body),
    /** A random sample of a project's decided answers not checked yet (requesters of the project). */
    qaSample: (projectId: string, size = 20) =>
      request<Out<typeof qaSampleBody>>('GET', `/api/projects/${projectId}/qa`, undefined, { size }),
    submitQa: (answerId: string, body: SubmitQaInput) =>
      request<Out<typeof qaResultBody>>('POST', `/api/answers/${answerId}/qa`, body),

    /** The chain this server settles on, its contracts and where wallets reach it. */
    chainInfo: () => request<Out<typeof chainInfoBody>>('GET', '/api/chain'),
    escrow: (projectId: string) =>
      request<Out<typeof escrowBody>>('GET', `/api/projects/${projectId}/escrow`),
    /** The approve and fund calls for the requester's wallet (the platform token unless `token` is named). */
    fundCalls: (projectId: string, amountWei: string, token?: string) =>
      request<Out<typeof walletCallsBody>>('POST', `/api/projects/${projectId}/escrow/fund-calls`, {
        amountWei,
        ...(token ? { token } : {}),
      }),
    refundCalls: (projectId: string, token?: string) =>
      request<Out<typeof walletCallsBody>>('POST', `/api/projects/${projectId}/escrow/refund-calls`, {
        ...(token ? { token } : {}),
      }),
    rewards: () => request<Out<typeof rewardsBody>>('GET', '/api/me/rewards'),
    claimCalls: () => request<Out<typeof walletCallsBody>>('POST', '/api/me/rewards/claim-calls'),
    /** The platform's relayer claims for you and pays the gas. */
    relayClaim: () => request<Out<typeof relayResultBody>>('POST', '/api/me/rewards/relay'),
    stake: () => request<Out<typeof stakeBody>>('GET', '/api/me/stake'),
    stakeCalls: (action: 'lock' | 'unlock' | 'withdraw', amountWei?: string) =>
      request<Out<typeof walletCallsBody>>('POST', '/api/me/stake/calls', {
        action,
        ...(amountWei ? { amountWei } : {}),
      }),
    /** Sends calls from a development account's wallet on the server (development wallets only). */
    devSend: (calls: { to: string; data: string }[]) =>
      request<Out<typeof sentTxsBody>>('POST', '/api/wallet/dev/send', {
        calls: calls.map((c) => ({ to: c.to, data: c.data })),
      }),
    /** Reads the chain's newest events now (after a transaction sent from your own wallet). */
    syncChain: () => request<{ events: number }>('POST', '/api/chain/sync'),
    /** An answer's provenance: its ledger entry, Merkle proof, anchored batch, and whether it checks out on chain. */
    answerProof: (answerId: string) =>
      request<Out<typeof answerProofBody>>('GET', `/api/answers/${encodeURIComponent(answerId)}/proof`),
    settlement: () => request<Out<typeof settlementStatusBody>>('GET', '/api/admin/settlement'),
    runSettlement: () => request<Out<typeof settlementStatusBody>>('POST', '/api/admin/settlement/run'),
    relayAll: (batchSize = 100) =>
      request<Out<typeof relayResultBody>>('POST', '/api/admin/relay', undefined, { batchSize }),
    slash: (body: {
      address: string;
      amountWei: string;
      reason: string;
      flagId?: string;
      answerIds?: string[];
    }) => request<Out<typeof slashBody>>('POST', '/api/admin/slashes', body),

    /** Publishes a community project's dataset once, freezing its co-owners' shares (the project's requesters). */
    publishDataset: (projectId: string, body: PublishDatasetInput = {}) =>
      request<Out<typeof datasetBody>>('POST', `/api/projects/${projectId}/publish`, body),
    /** Published datasets, newest first; `search` keeps those whose name contains it. */
    datasets: (query: { search?: string; cursor?: string; limit?: number } = {}) =>
      request<Out<typeof datasetListBody>>('GET', '/api/datasets', undefined, query),
    /** A dataset with its share formula and the first page of its co-owners. */
    dataset: (id: string, limit?: number) =>
      request<Out<typeof datasetDetailBody>>('GET', `/api/datasets/${id}`, undefined, { limit }),
    datasetShares: (id: string, cursor?: string, limit?: number) =>
      request<Out<typeof datasetSharePageBody>>('GET', `/api/datasets/${id}/shares`, undefined, {
        cursor,
        limit,
      }),
    /** Your co-ownership in every published dataset. */
    myDatasetShares: () => request<Out<typeof myDatasetSharesBody>>('GET', '/api/me/dataset-shares'),

    /** The marketplace: registered assets by search and filters, newest first. */
    assets: (query: AssetListQuery = {}) =>
      request<Out<typeof assetListBody>>('GET', '/api/assets', undefined, query),
    /** An asset with its terms, lineage, owners, sample rows, provenance and your license. */
    asset: (id: string) => request<Out<typeof assetDetailBody>>('GET', `/api/assets/${id}`),
    /** Registers your organization's model, agent or dataset: a draft, and the call your wallet sends. */
    registerAsset: (body: RegisterAssetInput) =>
      request<Out<typeof registeredAssetBody>>('POST', '/api/assets', body),
    /** Registers a published community dataset and commits its co-owners' shares (its requesters). */
    registerDataset: (datasetId: string, body: RegisterDatasetInput) =>
      request<Out<typeof registeredAssetBody>>('POST', `/api/datasets/${datasetId}/register`, body),
    /** The approve and purchaseLicense calls for your wallet. */
    purchaseCalls: (assetId: string) =>
      request<Out<typeof walletCallsBody>>('POST', `/api/assets/${assetId}/purchase-calls`),
    /** One claimRevenue call per token you can claim from the asset. */
    revenueClaimCalls: (assetId: string) =>
      request<Out<typeof walletCallsBody>>('POST', `/api/assets/${assetId}/claim-calls`),
    myPurchases: () => request<Out<typeof purchasesBody>>('GET', '/api/me/purchases'),
    myEarnings: () => request<Out<typeof earningsBody>>('GET', '/api/me/earnings'),
    /** Where a licensed dataset's rows download from (a JSONL file). */
    assetDownloadUrl: (assetId: string) => `/api/assets/${assetId}/download`,

    /** A model's or agent's gateway: where to call it, its pricing and split (the upstream for its owners); null if unset. */
    gatewayEndpoint: (assetId: string) =>
      request<Out<typeof gatewayEndpointView> | null>('GET', `/api/assets/${assetId}/endpoint`),
    /** Sets the asset's upstream, pricing and split (its organization). */
    setGatewayEndpoint: (assetId: string, body: GatewayEndpointInput) =>
      request<Out<typeof gatewayEndpointView>>('PUT', `/api/assets/${assetId}/endpoint`, body),
    /** The asset's gateway calls, tokens and revenue per UTC day (its organization). */
    gatewayUsage: (assetId: string, days?: number) =>
      request<Out<typeof gatewayUsageBody>>('GET', `/api/assets/${assetId}/usage`, undefined, { days }),
    /** Your organization's prepaid gateway budget. */
    gatewayBalance: (query: { orgId?: string; token?: string } = {}) =>
      request<Out<typeof gatewayBalanceBody>>('GET', '/api/gateway/balance', undefined, query),
    /** The approve and fund calls that prepay your organization's gateway calls. */
    gatewayFundCalls: (amountWei: string, orgId?: string) =>
      request<Out<typeof walletCallsBody>>('POST', '/api/gateway/fund-calls', {
        amountWei,
        ...(orgId ? { orgId } : {}),
      }),
    /** Your gateway calls, newest first, with their receipts. */
    myGatewayCalls: (query: { cursor?: string; limit?: number } = {}) =>
      request<Out<typeof gatewayCallsBody>>('GET', '/api/me/gateway-calls', undefined, query),
  };
}

export type Client = ReturnType<typeof createClient>;
