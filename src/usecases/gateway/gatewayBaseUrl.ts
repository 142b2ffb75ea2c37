/** Where an asset's gateway answers, the base URL an OpenAI client is given (relative to the server's origin). */
export const gatewayBaseUrl = (assetId: string) => `/api/gateway/${assetId}/v1`;
